// The data dir holds the SQLite database and the key that decrypts its secrets: the directory is
// created 0700 and the files 0600, whatever the umask (a umask of 0 would otherwise leave them
// world-readable, and SQLite creates files 0644 before the umask).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

/** Creates the directory (and its parents) 0700. A directory that exists is left as it is. */
export function ensureDataDir(dir: string): void {
  const created = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (created !== undefined) fs.chmodSync(dir, 0o700);
}

/**
 * Creates `file` 0600 holding `content` (empty by default); false when it already exists (left
 * as it is). The content is written to a temporary file first and linked into place, so a
 * process starting alongside never reads the file half written.
 */
export function createPrivateFile(file: string, content = ''): boolean {
  const temporary = content ? `${file}.${randomBytes(6).toString('hex')}.tmp` : file;
  let fd: number;
  try {
    fd = fs.openSync(temporary, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.fchmodSync(fd, 0o600);
    if (content) fs.writeFileSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
  if (temporary === file) return true;
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
