// Rejects NUL (U+0000) anywhere in a request's text: PostgreSQL cannot store it in a text
// column (the insert failed with a 500), SQLite can. Rejecting it up front gives one answer,
// 400, on both databases.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';

export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return true;
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

export function registerNulCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
      throw new HttpError(400, 'invalid_request', 'text must not contain NUL (\\u0000) characters');
    }
  });
}
