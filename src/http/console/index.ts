// The web console, served as static files from the built console (console/dist): hashed assets
// cached for a year as immutable, index.html never cached without a check, the console's pages
// falling back to index.html, a strict Content-Security-Policy on every console answer, and gzip
// or brotli files precompressed at build time sent to browsers that accept them.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONSOLE_ASSETS_PREFIX, CONSOLE_SECTIONS } from './paths.ts';

/**
 * Scripts, styles, images and fonts only from this origin, API calls only to it, no framing,
 * no plugins, no inline script or style. The console needs nothing else (no CDN at run time).
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

function secure(reply: FastifyReply): void {
  reply.header('content-security-policy', CONSOLE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Switchboard</title>
<h1>The console is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it), then reload. The API is at <a href="/docs">/docs</a>.</p></html>`;

export async function registerConsole(app: FastifyInstance, dir: string): Promise<void> {
  const built = fs.existsSync(path.join(dir, 'index.html'));
  const hidden = { hide: true } as const;

  if (built) {
    await app.register(fastifyStatic, { root: dir, serve: false, preCompressed: true, dotfiles: 'ignore', index: false });
  }

  const page = async (_request: unknown, reply: FastifyReply) => {
    secure(reply);
    if (!built) return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    // no-cache: a browser keeps it but asks again (ETag, 304), so a new build is seen at once.
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  };

  app.get('/', { schema: { operationId: 'consoleIndex', ...hidden } }, page);
  for (const section of CONSOLE_SECTIONS) {
    app.get(`/${section}`, { schema: { operationId: 'consolePage', ...hidden } }, page);
    app.get(`/${section}/*`, { schema: { operationId: 'consolePage', ...hidden } }, page);
  }

  app.get(`${CONSOLE_ASSETS_PREFIX}/*`, { schema: { operationId: 'consoleAsset', ...hidden } }, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    secure(reply);
    if (!built || !file) return reply.callNotFound();
    reply.header('cache-control', IMMUTABLE);
    return reply.sendFile(path.posix.join('assets', file), { cacheControl: false });
  });
}
