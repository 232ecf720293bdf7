// Errors Fastify raises before any route (and so before any face's error handler) is chosen:
// a URL that does not decode, a path parameter over the length limit. They are answered in the
// format of the face whose path the request was for, like every other error.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendFreyaError } from './compat/freya/errors.ts';
import { sendSignalwireError } from './compat/signalwire/errors.ts';
import { sendVocodeError } from './compat/vocode/errors.ts';
import { sendVoiceosError } from './compat/voiceos/errors.ts';
import { sendV1Error } from './v1/index.ts';

type Sender = (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

/** Path prefixes of the vendor faces (each face's routes live under its own); the rest is v1's. */
const SENDERS: readonly [string, Sender][] = [
  ['/api/v2/', sendFreyaError],
  ['/api/relay/rest/', sendSignalwireError],
  ['/phone_numbers', sendVoiceosError],
  ['/v1/numbers', sendVocodeError],
];

export function frameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const url = request.raw.url ?? '';
  const send = SENDERS.find(([prefix]) => url.startsWith(prefix))?.[1] ?? sendV1Error;
  reply.header('x-request-id', request.id);
  void send(error, request, reply);
}
