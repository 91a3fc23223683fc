/**
 * The adapter for keys held by a remote signing service or an HSM gateway (REMOTE_SIGNER_URL). Its protocol is
 * deliberately small so any service can offer it: POST JSON {keyId, algorithm: "RSASSA-PKCS1-v1_5-SHA256",
 * data: base64} → 200 JSON {signature: base64}, the signature over `data`. The private key never reaches OneCity.
 */
import { AppError } from '../../core/errors.ts';
import type { ExternalSigningKey } from '../../core/signing/pades.ts';

const TIMEOUT_MS = 15_000;

/** A signing key at the remote service, identified by its id there. */
export function remoteSigningKey(url: string, keyId: string): ExternalSigningKey {
  return {
    kind: 'external',
    async sign(data) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ keyId, algorithm: 'RSASSA-PKCS1-v1_5-SHA256', data: Buffer.from(data).toString('base64') }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`remote signer answered HTTP ${response.status}`);
        const body = (await response.json()) as { signature?: unknown };
        if (typeof body.signature !== 'string' || body.signature.length === 0) throw new Error('remote signer answered without a signature');
        return new Uint8Array(Buffer.from(body.signature, 'base64'));
      } catch (error) {
        // Nothing is written before all signatures are made, so a failure here issues nothing.
        throw new AppError('documents.signer_unavailable', { cause: error });
      }
    },
  };
}
