// Types of requests and answers, read off the generated `paths` (src/generated/openapi.ts) by
// path and method, so every resource method is typed from the OpenAPI document itself.
import type { paths } from './generated/openapi.ts';

export type { paths };
export type Path = keyof paths;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The operation at this path and method (never when there is none). */
export type Operation<P extends Path, M extends Method> = Exclude<paths[P][M], undefined>;

/** Paths that have this method. */
export type PathWith<M extends Method> = { [P in Path]: [Operation<P, M>] extends [never] ? never : P }[Path];

type Params<O, Where extends 'path' | 'query'> = O extends { parameters: { [K in Where]?: infer X } } ? Exclude<X, undefined> : never;
export type PathParams<O> = Params<O, 'path'>;
export type QueryOf<O> = Params<O, 'query'>;

/** The JSON request body. */
export type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

type SuccessStatus = 200 | 201 | 202 | 204;
/** The JSON of the success answer (undefined for 204). */
export type SuccessOf<O> = O extends { responses: infer R }
  ? { [S in keyof R & SuccessStatus]: R[S] extends { content: { 'application/json': infer J } } ? J : undefined }[keyof R & SuccessStatus]
  : never;

/** One item of a list answer ({data: [...]}). */
export type ItemOf<O> = SuccessOf<O> extends { data: (infer T)[] } ? T : never;

/** By path and method, for named types: Answer<'/v1/agents/{id}', 'get'> is an agent. */
export type Answer<P extends Path, M extends Method> = SuccessOf<Operation<P, M>>;
export type Body<P extends Path, M extends Method> = BodyOf<Operation<P, M>>;
export type Query<P extends Path, M extends Method = 'get'> = QueryOf<Operation<P, M>>;
