import { describe, expect, it } from 'vitest';
import { checkWebhookSignature, signWebhook, webhookSignature } from './webhook-signature.ts';

const SECRET = 'test-bank-feed-secret-0123456789abcdef';
const BODY = Buffer.from('{"transactions":[]}');
const AT = new Date(1_767_225_600 * 1000);

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "timestamp.rawBody" (known vector)', () => {
    // openssl dgst -sha256 -hmac SECRET over '1767225600.{"transactions":[]}'
    expect(webhookSignature(SECRET, 1_767_225_600, BODY)).toBe('b85209b6d8ec67b47f97663363f30d4041e45a535e3667f060dcb1128d7272f1');
    expect(signWebhook(SECRET, BODY, AT)).toBe('t=1767225600,v1=b85209b6d8ec67b47f97663363f30d4041e45a535e3667f060dcb1128d7272f1');
  });

  it('accepts a fresh signature of the exact bytes and nothing else', () => {
    const header = signWebhook(SECRET, BODY, AT);
    expect(checkWebhookSignature(header, BODY, SECRET, new Date(AT.getTime() + 299_000), 300)).toBeNull();
    expect(checkWebhookSignature(header, Buffer.from('{"transactions": []}'), SECRET, AT, 300)).toBe('mismatch');
    expect(checkWebhookSignature(header, BODY, `${SECRET}!`, AT, 300)).toBe('mismatch');
    expect(checkWebhookSignature(header, BODY, SECRET, new Date(AT.getTime() + 301_000), 300)).toBe('stale');
    expect(checkWebhookSignature(header, BODY, SECRET, new Date(AT.getTime() - 301_000), 300)).toBe('stale');
    expect(checkWebhookSignature(undefined, BODY, SECRET, AT, 300)).toBe('missing');
    expect(checkWebhookSignature('v1=abc', BODY, SECRET, AT, 300)).toBe('malformed');
    expect(checkWebhookSignature('t=1767225600,v1=zz', BODY, SECRET, AT, 300)).toBe('mismatch');
  });

  it('accepts any one of several v1 values (secret roll-over)', () => {
    const good = signWebhook(SECRET, BODY, AT);
    const other = signWebhook('another-secret-0123456789abcdef0123', BODY, AT).split(',')[1];
    expect(checkWebhookSignature(`${good},${other}`, BODY, SECRET, AT, 300)).toBeNull();
  });
});
