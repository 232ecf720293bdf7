// The secret key's check value: a constant sealed with the key, stored in deployment_state when
// a deployment first starts with a key (or, for an older deployment, on its next start). A
// server or CLI started with another key cannot open it and stops with a clear message, instead
// of answering 500 when it reads a secret and writing secrets no other server can read.
import { ConfigError } from '../config.ts';
import type { SecretBox } from './secret-box.ts';

export const KEY_CHECK_NAME = 'secret_key_check';
const KEY_CHECK_PLAINTEXT = 'switchboard secret key check v1';

export interface KeyCheckStore {
  get(key: string): Promise<string | undefined>;
  insertIfAbsent(key: string, value: string, at: string): Promise<void>;
}

/**
 * Throws ConfigError unless `box` holds the deployment's key; stores the check value first if
 * the deployment has none. `source` says where the key came from, for the message.
 */
export async function verifySecretKey(state: KeyCheckStore, box: SecretBox, source: string): Promise<void> {
  let stored = await state.get(KEY_CHECK_NAME);
  if (stored === undefined) {
    await state.insertIfAbsent(KEY_CHECK_NAME, box.encrypt(KEY_CHECK_PLAINTEXT), new Date().toISOString());
    stored = (await state.get(KEY_CHECK_NAME))!; // ours, or that of a server that started alongside
  }
  if (!opens(box, stored)) {
    throw new ConfigError(`${source} is not the key this database was set up with: its secrets cannot be read with it. Start with the key the deployment was created with (every server sharing the database needs the same one)`);
  }
}

function opens(box: SecretBox, sealed: string): boolean {
  try {
    return box.decrypt(sealed) === KEY_CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}
