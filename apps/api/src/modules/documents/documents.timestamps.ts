/**
 * The RFC 3161 client: when TSA_URL is configured, every signature gets a time-stamp token from that authority
 * (PAdES B-T), so its signing time is proven by a third party instead of claimed by the signer.
 */
import { AppError } from '../../core/errors.ts';
import type { TimestampCallback } from '../../core/signing/pades.ts';
import { createTimestampRequest, timestampTokenFromResponse } from '../../core/signing/timestamp.ts';

const TIMEOUT_MS = 10_000;

/** A time-stamp callback that asks the TSA at `url` over HTTP (RFC 3161 §3.4). */
export function httpTimestamper(url: string): TimestampCallback {
  return async (digest) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: Buffer.from(createTimestampRequest(digest)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`time-stamping authority answered HTTP ${response.status}`);
      return timestampTokenFromResponse(new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      // Signing happens before the change is written: failing here issues nothing, half-signed or otherwise.
      throw new AppError('documents.timestamp_unavailable', { cause: error });
    }
  };
}
