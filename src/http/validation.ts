// Request validation: strict for bodies, coercing for query strings, params and headers.
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { createAjv } from '../core/shared/check-schema.ts';

export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const body = createAjv(false);
  const text = createAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema as object) as ReturnType<FastifySchemaCompiler<FastifySchema>>;
}
