// The logger of the server and the worker: pino, JSON lines by default (LOG_FORMAT=json, for
// log collectors), or pino-pretty's one readable line per entry (LOG_FORMAT=pretty, for a human
// at a terminal). Secrets are redacted either way: the paths are applied before formatting.
import type { DestinationStream, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.ts';

/** Secrets can appear in these places of a log line; pino replaces them. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.auth_token',
  '*.secret',
  '*.*.password',
  '*.*.auth_token',
  'password',
  'auth_token',
  'secret',
];

export type LoggerSetup = LoggerOptions & { stream?: DestinationStream };

/** pino options (Fastify's `logger` takes the same), writing to `stream` or stdout. */
export function loggerSetup(config: Pick<Config, 'logLevel' | 'logFormat'>, stream?: DestinationStream): LoggerSetup {
  const options: LoggerSetup = { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (config.logFormat === 'pretty') {
    // Synchronous, in this thread: no transport worker to lose the last lines when the process exits.
    options.stream = pretty({
      destination: stream ?? 1,
      sync: true,
      colorize: stream ? false : pretty.isColorSupported,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
    });
  } else if (stream) options.stream = stream;
  return options;
}
