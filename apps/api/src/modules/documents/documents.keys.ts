/**
 * Private signing keys at rest: AES-256-GCM with a key derived (scrypt) from SIGNING_KEY_SECRET, so a copy of the
 * database alone cannot sign. Keys are decrypted only in memory, just before a signature, and never logged or returned.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync, webcrypto } from 'node:crypto';

const derived = new Map<string, Buffer>();

function keyOf(secret: string): Buffer {
  let key = derived.get(secret);
  if (!key) {
    key = scryptSync(secret, 'onecity/signing-keys/v1', 32);
    derived.set(secret, key);
  }
  return key;
}

/** Encrypts a PKCS#8 private key: version byte, 12-byte nonce, 16-byte tag, ciphertext. */
export function encryptPrivateKey(pkcs8: Uint8Array, secret: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), nonce);
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), nonce, cipher.getAuthTag(), body]);
}

/** Decrypts a key stored by encryptPrivateKey; throws when the secret is wrong or the bytes were altered. */
export function decryptPrivateKey(stored: Uint8Array, secret: string): Buffer {
  const data = Buffer.from(stored);
  if (data[0] !== 1) throw new Error('unknown key format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), data.subarray(1, 13));
  decipher.setAuthTag(data.subarray(13, 29));
  return Buffer.concat([decipher.update(data.subarray(29)), decipher.final()]);
}

/** Exports a WebCrypto private key as PKCS#8 bytes (to be encrypted at once). */
export async function exportPkcs8(key: webcrypto.CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', key));
}
