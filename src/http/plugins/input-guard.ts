// One walk over each request's input, before validation, refusing with 400:
// - bodies nested deeper than any route needs, before anything walks them recursively
//   (validation, JSON.stringify in the store) and could overflow the stack;
// - NUL (U+0000) anywhere in params, query or body: PostgreSQL cannot store it in a text column
//   (it was a 500 there) while SQLite can, so refusing it up front gives one answer on both.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';

export const MAX_BODY_DEPTH = 32;

interface Findings {
  tooDeep: boolean;
  hasNul: boolean;
}

/** Iterative, so hostile nesting cannot overflow the stack here either. Stops early only when too deep. */
export function inspectInput(value: unknown, maxDepth = Infinity): Findings {
  const found: Findings = { tooDeep: false, hasNul: false };
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) found.hasNul = true;
    } else if (typeof node === 'object' && node !== null) {
      if (depth >= maxDepth) return { ...found, tooDeep: true };
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) found.hasNul = true;
        stack.push([child, depth + 1]);
      }
    }
  }
  return found;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.body === undefined ? { tooDeep: false, hasNul: false } : inspectInput(request.body, MAX_BODY_DEPTH);
    if (body.tooDeep) throw new HttpError(400, 'invalid_request', `the body is nested more than ${MAX_BODY_DEPTH} levels deep`);
    if (body.hasNul || inspectInput(request.params).hasNul || inspectInput(request.query).hasNul) {
      throw new HttpError(400, 'invalid_request', 'text must not contain NUL (\\u0000) characters');
    }
  });
}
