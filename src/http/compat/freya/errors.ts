// The Freya face's error format: {"success": false, "error": {code, message, details}}, with
// the status toProblem() chose and every detail's field in Freya's names.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldIssue } from '../../../core/errors.ts';
import { toProblem } from '../../errors.ts';
import { toFreyaField } from './fields.ts';

export const toFreyaDetails = (details: FieldIssue[]): FieldIssue[] =>
  details.map((d) => ({ field: toFreyaField(d.field), message: d.message }));

export function summarize(details: FieldIssue[], fallback: string): string {
  const first = details[0];
  if (!first) return fallback;
  return `${first.field}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`;
}

export function sendFreyaError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem.retryAfter) reply.header('retry-after', String(problem.retryAfter));
  const details = toFreyaDetails(problem.details);
  // Core messages name core fields ("created_by_user_id: …"): say it again in Freya's names.
  const message = problem.code === 'validation_failed' ? summarize(details, problem.message) : problem.message;
  return reply.code(problem.status).send({ success: false, error: { code: problem.code, message, details } });
}
