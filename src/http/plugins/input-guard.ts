// One walk over each request's input, before validation, refusing with 400:
// - bodies nested deeper than any route needs, before anything walks them recursively
//   (validation, JSON.stringify in the store) and could overflow the stack;
// - NUL (U+0000) anywhere in params, query or body: PostgreSQL cannot store it in a text column
//   (it was a 500 there) while SQLite can, so refusing it up front gives one answer on both.
//   The answer names the first field that holds one, as schema errors do.
import type { FastifyInstance } from 'fastify';
import { joinPath } from '../../core/shared/check-schema.ts';
import { HttpError } from '../errors.ts';

export const MAX_BODY_DEPTH = 32;
const NUL_MESSAGE = 'must not contain NUL (\\u0000) characters';

interface Findings {
  tooDeep: boolean;
  /** Where the first NUL is (a field path such as "name" or "headers.X-A"), or null. */
  nulAt: string | null;
}

/** A key as a field name: the NUL it may hold written out rather than echoed. */
const printable = (key: string) => key.replace(/\u0000/g, '\\u0000');

/** Iterative, so hostile nesting cannot overflow the stack here either. Stops early only when too deep. */
export function inspectInput(value: unknown, maxDepth = Infinity, prefix = ''): Findings {
  const found: Findings = { tooDeep: false, nulAt: null };
  const stack: [unknown, number, string][] = [[value, 0, prefix]];
  while (stack.length) {
    const [node, depth, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (found.nulAt === null && node.includes('\u0000')) found.nulAt = path;
    } else if (typeof node === 'object' && node !== null) {
      if (depth >= maxDepth) return { ...found, tooDeep: true };
      for (const [key, child] of Object.entries(node)) {
        const at = joinPath(path, `/${printable(key).replace(/~/g, '~0').replace(/\//g, '~1')}`);
        if (found.nulAt === null && key.includes('\u0000')) found.nulAt = at;
        stack.push([child, depth + 1, at]);
      }
    }
  }
  return found;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.body === undefined ? { tooDeep: false, nulAt: null } : inspectInput(request.body, MAX_BODY_DEPTH);
    if (body.tooDeep) throw new HttpError(400, 'invalid_request', `the body is nested more than ${MAX_BODY_DEPTH} levels deep`);
    const nulAt = body.nulAt ?? inspectInput(request.params, Infinity, 'params').nulAt ?? inspectInput(request.query, Infinity, 'querystring').nulAt;
    if (nulAt !== null) {
      const field = nulAt || '(body)';
      throw new HttpError(400, 'invalid_request', `${field}: text ${NUL_MESSAGE}`, [{ field, message: NUL_MESSAGE }]);
    }
  });
}
