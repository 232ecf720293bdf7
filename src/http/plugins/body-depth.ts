// Rejects JSON bodies nested deeper than any route needs, before anything walks them
// recursively (validation, JSON.stringify in the store) and could overflow the stack.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';

export const MAX_BODY_DEPTH = 32;

export function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

export function registerBodyDepthLimit(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && depthExceeds(request.body, MAX_BODY_DEPTH)) {
      throw new HttpError(400, 'invalid_request', `the body is nested more than ${MAX_BODY_DEPTH} levels deep`);
    }
  });
}
