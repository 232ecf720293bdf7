// Every error of the face, in SignalWire's format (the spec's Types.StatusCodes.*):
// - 422 (a field is wrong: schema or rule): {"errors": [{detail, status: "422", title, code: "422"}]},
//   one SpaceApiErrorItem per field, the detail naming the SignalWire field;
// - every other status: {"error": "<reason phrase>"}, e.g. {"error": "Not Found"}.
// Every request the face cannot take as sent is 422 here (toProblem says 400): a body that does
// not parse, is empty, holds NUL or breaks the schema, as the spec's operations on one number
// answer 422 and never 400. (A body sent as another content type stays 415.) The exception is
// the list, whose spec has 400 and no 422: there every invalid query is {"error": "Bad Request"}.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem, type HttpProblem } from '../../errors.ts';
import { LIST_PATH, PREFIX } from './constants.ts';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusFor(problem: HttpProblem, request: FastifyRequest): number {
  const isList = request.method === 'GET' && request.routeOptions.url === PREFIX + LIST_PATH;
  if (isList && (problem.status === 400 || problem.status === 422)) return 400;
  if (problem.status === 400) return 422;
  return problem.status;
}

function validationItems(problem: HttpProblem) {
  const item = (detail: string) => ({ detail, status: '422', title: 'Invalid Attribute', code: '422' });
  if (problem.details.length === 0) return [item(problem.message)];
  // Field names are SignalWire's already: the request schema is the wire's, and the routes
  // translate what the core reports (from-wire.ts).
  return problem.details.map((d) => item(`${d.field.replace(/^(querystring|params|headers)\./, '')} ${d.message}`));
}

export function sendSignalwireError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  const status = statusFor(problem, request);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem.retryAfter) reply.header('retry-after', String(problem.retryAfter));
  if (status === 401) reply.header('www-authenticate', 'Basic realm="SignalWire"');
  if (status === 422) return reply.code(422).send({ errors: validationItems(problem) });
  return reply.code(status).send({ error: REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request') });
}
