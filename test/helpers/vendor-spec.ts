// Validates responses against the vendors' own OpenAPI 3.1 files, with Ajv in draft 2020-12
// mode: a compatible response must validate against them. The files are test/fixtures/vendor-specs,
// the vendors' documents trimmed to what Switchboard serves by scripts/derive-vendor-specs.mjs
// (CI checks that they still match the originals).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const SPECS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/vendor-specs');

export type Vendor = 'vocode' | 'signalwire';
const FILES: Record<Vendor, string> = { vocode: 'vocode-openapi.json', signalwire: 'signalwire-rest-openapi.json' };

const cache = new Map<Vendor, { ajv: InstanceType<typeof Ajv2020>; doc: any }>();

function load(vendor: Vendor) {
  let entry = cache.get(vendor);
  if (!entry) {
    const doc = JSON.parse(fs.readFileSync(path.join(SPECS_DIR, FILES[vendor]), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    // OpenAPI keywords that are not JSON Schema.
    for (const keyword of ['discriminator', 'xml', 'externalDocs', 'example']) ajv.addKeyword(keyword);
    ajv.addSchema({ ...doc, $id: `${vendor}.json` });
    entry = { ajv, doc };
    cache.set(vendor, entry);
  }
  return entry;
}

/** The vendor's OpenAPI document, parsed. */
export function vendorSpec(vendor: Vendor): any {
  return load(vendor).doc;
}

/** Errors of `value` against components.schemas[name] of the vendor's spec (empty = valid). */
export function specErrors(vendor: Vendor, schemaName: string, value: unknown): string[] {
  const { ajv } = load(vendor);
  const validate = ajv.getSchema(`${vendor}.json#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`${vendor} spec has no schema ${schemaName}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Errors of `value` against the schema of a response in the spec: paths[p][method].responses[status]. */
export function responseErrors(vendor: Vendor, specPath: string, method: string, status: number, value: unknown): string[] {
  const { ajv, doc } = load(vendor);
  const operation = doc.paths?.[specPath]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${vendor} spec has no ${method} ${specPath}`);
  const response = operation.responses?.[String(status)];
  if (!response) throw new Error(`${vendor} spec has no ${status} response for ${method} ${specPath}`);
  const pointer = `#/paths/${specPath.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(`${vendor}.json${pointer}`);
  if (!validate) throw new Error(`no JSON schema at ${pointer}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
}
