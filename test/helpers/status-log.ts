// Which statuses the suite answered, by operation of the OpenAPI document. scripts/run-tests.mjs
// sets SWITCHBOARD_STATUS_LOG to a folder; every test app (createTestApp) then appends each new
// "METHOD path-template status" it answers to a file of its process there, and after the suite
// test/after-suite/documented-statuses.test.ts checks each one is documented.
//
// Requests are seen where they enter the app (inject(), or the listening server's 'request'),
// not in a Fastify hook: the router's own refusals (414, an undecodable path) run no hooks.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';

type Json = Record<string, any>;

export const STATUS_LOG_ENV = 'SWITCHBOARD_STATUS_LOG';

export interface Answered {
  method: string;
  /** The document's path (/v1/agents/{id}) the request's path matches. */
  template: string;
  status: number;
}

interface Template {
  path: string;
  regex: RegExp;
  statics: number;
}

/** The document's paths as regexes; the most specific (most static segments) first. */
export function templatesOf(doc: Json): Template[] {
  return Object.keys(doc.paths ?? {})
    .map((p) => ({
      path: p,
      regex: new RegExp(`^${p.split('/').map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`),
      statics: p.split('/').filter((s) => s && !s.startsWith('{')).length,
    }))
    .sort((a, b) => b.statics - a.statics);
}

/** The template a URL (as sent: encoded, maybe with a query) is for; undefined if none. */
export function templateFor(templates: Template[], url: string): string | undefined {
  const pathname = url.split('?')[0]!.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return templates.find((t) => t.regex.test(pathname))?.path;
}

const seen = new Set<string>();
/** The document's paths, read once per process for each set of faces an app mounts. */
const templatesByFaces = new Map<string, Template[]>();

/** Records what this app answers, when the suite asked for it (SWITCHBOARD_STATUS_LOG). */
export function recordStatuses(app: FastifyInstance, faces: Iterable<string>): void {
  const dir = process.env[STATUS_LOG_ENV];
  if (!dir) return;
  const file = path.join(dir, `${process.pid}.log`);
  // Now, not at the first request: building the document is long synchronous work that a test
  // timing its requests (load shedding) must not see.
  const key = [...faces].sort().join(',');
  const paths = templatesByFaces.get(key) ?? templatesOf(app.swagger() as Json);
  templatesByFaces.set(key, paths);
  const record = (method: string | undefined, url: unknown, status: number) => {
    if (!method || typeof url !== 'string' || method.toUpperCase() === 'HEAD') return;
    const template = templateFor(paths, url);
    if (!template) return; // not a documented path: unknown, the docs, a hidden route
    const line = `${method.toUpperCase()}\t${template}\t${status}`;
    if (seen.has(line)) return;
    seen.add(line);
    fs.appendFileSync(file, `${line}\n`);
  };

  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<{ statusCode: number }>;
  (app as { inject: unknown }).inject = (options: InjectOptions | string, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof options !== 'object' || options === null) return (inject as (...a: unknown[]) => unknown)(options, ...rest);
    return inject(options).then((res) => {
      record(options.method ?? 'GET', options.url ?? options.path, res.statusCode);
      return res;
    });
  };
  app.server.on('request', (req, res) => res.on('finish', () => record(req.method, req.url, res.statusCode)));
}

/** Every answer the processes of this run recorded. */
export function readStatusLog(dir: string): Answered[] {
  const out = new Map<string, Answered>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.log'))) {
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      const [method, template, status] = line.split('\t');
      if (method && template && status) out.set(line, { method, template, status: Number(status) });
    }
  }
  return [...out.values()];
}
