// `npm run sdk:generate`: builds the app on a throw-away SQLite database, takes its OpenAPI
// document and writes sdk/src/generated/openapi.ts from it (see scripts/sdk-types.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { build } from '../src/http/app.ts';
import { openRuntime } from '../src/runtime.ts';
import { SDK_TYPES_FILE, sdkTypes } from './sdk-types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-sdk-'));
try {
  const config = loadConfig({ SWITCHBOARD_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SWITCHBOARD_WORKER: 'false' });
  const runtime = await openRuntime(config);
  const app = await build({ config, core: runtime.core });
  await app.ready();
  const text = await sdkTypes(app.swagger() as never);
  await app.close();
  await runtime.close();
  fs.writeFileSync(path.join(root, SDK_TYPES_FILE), text);
  console.log(`wrote ${SDK_TYPES_FILE} (${text.length} characters)`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
