// Derives test/fixtures/vendor-specs/ from the vendors' OpenAPI files in ../shared/vendor-specs:
// each trimmed to the operations Switchboard serves, the components the tests name, and
// everything those reach through $ref. The tests read only the trimmed copies, so a clone with
// nothing beside it passes; CI re-derives them and fails if the committed ones no longer match.
//
//   node scripts/derive-vendor-specs.mjs            write the trimmed files
//   node scripts/derive-vendor-specs.mjs --check    compare them with a fresh derivation
//                                                   (skipped when ../shared is absent, unless --strict)
//   --from DIR                                      read the vendors' files from DIR instead
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'test/fixtures/vendor-specs');

/**
 * What to keep of each vendor's document: the served operations (path → methods) and the
 * components a test names directly (validated against by name in test/helpers/vendor-spec.ts).
 */
export const VENDORS = {
  vocode: {
    source: 'vocode-openapi.json',
    output: 'vocode-openapi.json',
    operations: {
      '/v1/numbers/list': ['get'],
      '/v1/numbers': ['get'],
      '/v1/numbers/buy': ['post'],
      '/v1/numbers/update': ['post'],
      '/v1/numbers/cancel': ['post'],
      '/v1/numbers/link': ['post'],
    },
    components: ['schemas/HTTPValidationError'],
  },
  signalwire: {
    source: 'signalwire-rest-openapi.yaml',
    output: 'signalwire-rest-openapi.json',
    operations: {
      '/api/relay/rest/phone_numbers': ['get'],
      '/api/relay/rest/phone_numbers/{id}': ['get', 'put', 'delete'],
    },
    // Every status the face answers is one of these generic shapes.
    components: ['schemas/UpdatePhoneNumberRequest', 'schemas/PhoneNumberResponse', /^schemas\/Types\.StatusCodes\./],
  },
};

const unescape = (part) => part.replace(/~1/g, '/').replace(/~0/g, '~');

/** Every local $ref ("#/components/schemas/X") anywhere inside `node`. */
function refsIn(node, out = []) {
  if (Array.isArray(node)) for (const item of node) refsIn(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

/** The trimmed document: the operations, the named components and the $ref closure of both. */
export function trim(doc, vendor) {
  const spec = VENDORS[vendor];
  const paths = {};
  for (const [p, methods] of Object.entries(spec.operations)) {
    const item = doc.paths?.[p];
    if (!item) throw new Error(`${vendor}: the vendor's document has no path ${p}`);
    paths[p] = {};
    for (const method of methods) {
      if (!item[method]) throw new Error(`${vendor}: the vendor's document has no ${method.toUpperCase()} ${p}`);
      paths[p][method] = item[method];
    }
    for (const [key, value] of Object.entries(item)) if (key === 'parameters' || key === 'summary' || key === 'description') paths[p][key] = value;
  }

  // "schemas/X" names of the components to keep, found by following $refs from what is kept.
  const kept = new Set();
  const pending = [];
  const keep = (name) => {
    if (kept.has(name)) return;
    const [kind, ...rest] = name.split('/');
    if (doc.components?.[kind]?.[rest.join('/')] === undefined) throw new Error(`${vendor}: no component ${name}`);
    kept.add(name);
    pending.push(doc.components[kind][rest.join('/')]);
  };
  for (const wanted of spec.components) {
    if (typeof wanted === 'string') keep(wanted);
    else for (const [kind, group] of Object.entries(doc.components ?? {})) for (const key of Object.keys(group)) if (wanted.test(`${kind}/${key}`)) keep(`${kind}/${key}`);
  }
  pending.push(paths);
  while (pending.length) {
    for (const ref of refsIn(pending.pop())) {
      if (!ref.startsWith('#/components/')) throw new Error(`${vendor}: a $ref this script cannot follow: ${ref}`);
      keep(ref.slice('#/components/'.length).split('/').map(unescape).join('/'));
    }
  }

  // Components in the vendor's own order, so that the output only changes when the source does.
  const components = {};
  for (const [kind, group] of Object.entries(doc.components ?? {})) {
    for (const [key, value] of Object.entries(group)) {
      if (!kept.has(`${kind}/${key}`) && kind !== 'securitySchemes') continue;
      (components[kind] ??= {})[key] = value;
    }
  }
  return {
    openapi: doc.openapi,
    info: { title: doc.info?.title, version: doc.info?.version, description: `Trimmed by scripts/derive-vendor-specs.mjs from the vendor's ${spec.source}: the operations Switchboard serves and what they reference. Do not edit; run the script.` },
    ...(doc.servers ? { servers: doc.servers } : {}),
    ...(doc.security ? { security: doc.security } : {}),
    paths,
    components,
  };
}

function parseSource(file) {
  const text = fs.readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
}

/** The trimmed files' text, by output name. */
export function derive(fromDir) {
  return Object.fromEntries(
    Object.entries(VENDORS).map(([vendor, spec]) => [spec.output, `${JSON.stringify(trim(parseSource(path.join(fromDir, spec.source)), vendor), null, 2)}\n`]),
  );
}

function main(argv) {
  const check = argv.includes('--check');
  const strict = argv.includes('--strict');
  const fromIndex = argv.indexOf('--from');
  const fromDir = fromIndex >= 0 ? path.resolve(argv[fromIndex + 1]) : path.resolve(ROOT, '../shared/vendor-specs');
  if (!fs.existsSync(fromDir)) {
    const message = `vendor specs: ${fromDir} is absent; nothing to derive from`;
    if (strict || !check) {
      console.error(message);
      return 1;
    }
    console.log(`${message} (check skipped)`);
    return 0;
  }
  const derived = derive(fromDir);
  if (!check) {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const [name, text] of Object.entries(derived)) fs.writeFileSync(path.join(OUT_DIR, name), text);
    console.log(`vendor specs: wrote ${Object.keys(derived).map((n) => path.relative(ROOT, path.join(OUT_DIR, n))).join(', ')}`);
    return 0;
  }
  const stale = Object.entries(derived).filter(([name, text]) => {
    const file = path.join(OUT_DIR, name);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
  });
  if (stale.length) {
    console.error(`vendor specs: ${stale.map(([n]) => n).join(', ')} no longer match ${fromDir}: run node scripts/derive-vendor-specs.mjs and commit the result`);
    return 1;
  }
  console.log(`vendor specs: test/fixtures/vendor-specs matches ${fromDir}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
