// Request validation: strict for bodies, coercing for query strings, params and headers.
// Validators are compiled on a route's first request, not at start: compiling every route of
// every face took a quarter of the start-up (the hostile-input tests reach every route, so a
// schema Ajv cannot compile still fails the suite).
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import type { ErrorObject } from 'ajv';
import { createAjv } from '../core/shared/check-schema.ts';

type Validator = ((data: unknown, context?: object) => boolean | Promise<unknown>) & { errors?: ErrorObject[] | null; schemaEnv?: unknown };

/** A validator that compiles itself when first called; Fastify reads `errors` and `schemaEnv` from it. */
function compiledOnFirstUse(compile: () => Validator): Validator {
  let compiled: Validator | undefined;
  const validate = function (this: unknown, data: unknown, context?: object) {
    compiled ??= compile();
    const ok = compiled.call(this, data, context);
    validate.errors = compiled.errors;
    return ok;
  } as Validator;
  // Ajv validators are called with their parent, so that coercion can replace the root value.
  validate.schemaEnv = true;
  validate.errors = null;
  return validate;
}

export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const body = createAjv(false);
  const text = createAjv('array');
  return ({ schema, httpPart }) =>
    compiledOnFirstUse(() => (httpPart === 'body' ? body : text).compile(schema as object) as Validator) as ReturnType<FastifySchemaCompiler<FastifySchema>>;
}
