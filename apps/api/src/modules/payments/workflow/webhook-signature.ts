/**
 * Signed webhooks (the bank feed and the sandbox): header `t=<unix seconds>,v1=<hex>` where v1 is
 * HMAC-SHA256(secret, `${t}.${rawBody}`), as Stripe signs its events. Checked over the raw bytes before anything reads
 * the body's meaning, with a tolerance on t against replays and a constant-time comparison.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-onecity-signature';

export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'mismatch';

/** The v1 signature of a body at a time. */
export function webhookSignature(secret: string, timestamp: number, rawBody: Uint8Array | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value for a body signed now (what a sender puts in x-onecity-signature). */
export function signWebhook(secret: string, rawBody: Uint8Array | string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, rawBody)}`;
}

/** Null when the header signs the body within the tolerance; otherwise what is wrong. */
export function checkWebhookSignature(header: string | undefined, rawBody: Uint8Array, secret: string, now: Date, toleranceSeconds: number): SignatureProblem | null {
  if (!header) return 'missing';
  const parts = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (!key || value === undefined) return 'malformed';
    parts.set(key, [...(parts.get(key) ?? []), value]);
  }
  const timestampText = parts.get('t')?.[0];
  const signatures = parts.get('v1') ?? [];
  if (!timestampText || !/^\d{1,12}$/.test(timestampText) || signatures.length === 0) return 'malformed';
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return 'stale';
  const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody), 'hex');
  // Several v1 values allow a secret to be rolled over; each is compared in constant time.
  const matches = signatures.some((signature) => /^[0-9a-f]{64}$/.test(signature) && timingSafeEqual(expected, Buffer.from(signature, 'hex')));
  return matches ? null : 'mismatch';
}
