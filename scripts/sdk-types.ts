// The SDK's types come from the app's own OpenAPI document: sdkTypes() turns the document into
// the text of sdk/src/generated/openapi.ts (openapi-typescript), keeping only the native API, so
// the SDK cannot drift from the routes. `npm run sdk:generate` writes the file, and
// test/sdk-generated.test.ts fails when the file differs from what the app serves now.
import openapiTS, { astToString } from 'openapi-typescript';
import { COMPAT_FACES } from '../src/http/compat/index.ts';

export const SDK_TYPES_FILE = 'sdk/src/generated/openapi.ts';
export const SDK_GENERATE_COMMAND = 'npm run sdk:generate';

type Doc = { paths: Record<string, Record<string, { tags?: string[] } | unknown>>; [key: string]: unknown };

const COMPAT_TAGS = new Set(Object.values(COMPAT_FACES).map((face) => face.tag));

/** The native API's part of the document: /v1 paths, less the vendor faces mounted there (Vocode's /v1/numbers). */
export function nativeDocument(doc: Doc): Doc {
  const paths = Object.fromEntries(
    Object.entries(doc.paths).filter(([path, item]) =>
      path.startsWith('/v1/') && !Object.values(item).some((op) => (op as { tags?: string[] }).tags?.some((tag) => COMPAT_TAGS.has(tag)))),
  );
  return { ...structuredClone(doc), paths: structuredClone(paths), tags: undefined };
}

export async function sdkTypes(doc: Doc): Promise<string> {
  const ast = await openapiTS(nativeDocument(doc) as never, { silent: true });
  return [
    '// Generated from Switchboard\'s OpenAPI document (the native API) by `' + SDK_GENERATE_COMMAND + '`: do not edit.',
    '// CI fails when this file differs from what the server describes (test/sdk-generated.test.ts).',
    '/* eslint-disable */',
    '',
    astToString(ast).trimEnd(),
    '',
  ].join('\n');
}
