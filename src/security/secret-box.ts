// AES-256-GCM for secrets at rest (SIP passwords, provider auth tokens).
// Stored form: "v1.<iv>.<tag>.<ciphertext>", each part base64url.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';
import { createPrivateFile, ensureDataDir } from './private-files.ts';

export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed secret format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Embedded mode: the key kept beside the database, or undefined when there is none. */
export function readKeyFile(dataDir: string): Buffer | undefined {
  const file = keyFile(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new ConfigError(`${file} does not hold a key (64 hex characters); restore it from a backup, or set SWITCHBOARD_SECRET_KEY`);
  return Buffer.from(text, 'hex');
}

/** Embedded mode: keep a generated key beside the database, readable by the owner only (0600). */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const existing = readKeyFile(dataDir);
  if (existing) return existing;
  ensureDataDir(dataDir);
  const key = randomBytes(32);
  // Two processes starting at once: the one that did not write the file reads the other's.
  if (!createPrivateFile(keyFile(dataDir), key.toString('hex') + '\n')) return readKeyFile(dataDir) ?? key;
  return key;
}

export const keyFile = (dataDir: string) => path.join(dataDir, 'secret.key');
