// Builders of typed methods, one per kind of call: each takes a path of the generated `paths`
// and returns a function whose arguments and answer are that operation's types. A resource is
// then a few lines (see resources/), and so is a new one when the API grows:
//   const numberBlocks = { create: create(t, '/v1/number-blocks'), list: list(t, '/v1/number-blocks'), … }
import type { BodyOf, ItemOf, Operation, PathWith, QueryOf, SuccessOf } from './openapi-types.ts';
import { List, type PageOptions } from './pagination.ts';
import type { ConditionalOptions, IdempotentOptions, RequestOptions, Transport } from './transport.ts';

/** The path's parameters in order, given positionally: /v1/x/{id}/y/{y_id} takes [id, y_id]. */
function pathParams(template: string, values: string[]): Record<string, string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
}

type Query<O> = [QueryOf<O>] extends [never] ? Record<string, never> : Omit<QueryOf<O>, 'cursor'>;
type DeleteQuery<O> = [QueryOf<O>] extends [never] ? Record<string, never> : QueryOf<O>;

/** POST to a collection: create(body, { idempotencyKey }). */
export const create = <P extends PathWith<'post'>>(t: Transport, path: P) =>
  (body: BodyOf<Operation<P, 'post'>>, options: IdempotentOptions = {}) =>
    t.send('post', path, { ...options, body }) as Promise<SuccessOf<Operation<P, 'post'>>>;

/** GET a collection: list(query) is a List (async iterator over every page; .page() for one). */
export const list = <P extends PathWith<'get'>>(t: Transport, path: P) =>
  (query: Query<Operation<P, 'get'>> & { limit?: number } = {} as never, options: RequestOptions = {}) =>
    new List<ItemOf<Operation<P, 'get'>>>((page: PageOptions) => t.send('get', path, { ...options, query: { ...query, ...page } }) as never);

/** GET a collection under an object: list(id, query). */
export const listUnder = <P extends PathWith<'get'>>(t: Transport, path: P) =>
  (id: string, query: Query<Operation<P, 'get'>> & { limit?: number } = {} as never, options: RequestOptions = {}) =>
    new List<ItemOf<Operation<P, 'get'>>>((page: PageOptions) => t.send('get', path, { ...options, path: pathParams(path, [id]), query: { ...query, ...page } }) as never);

/** GET with no parameters: me(), eventTypes(). */
export const read = <P extends PathWith<'get'>>(t: Transport, path: P) =>
  (options: RequestOptions = {}) => t.send('get', path, options) as Promise<SuccessOf<Operation<P, 'get'>>>;

/** GET one object: get(id) (or get(id, sub_id) for an object under another). */
export const get = <P extends PathWith<'get'>>(t: Transport, path: P) =>
  (id: string, options: RequestOptions = {}) => t.send('get', path, { ...options, path: pathParams(path, [id]) }) as Promise<SuccessOf<Operation<P, 'get'>>>;

export const getUnder = <P extends PathWith<'get'>>(t: Transport, path: P) =>
  (id: string, subId: string, options: RequestOptions = {}) =>
    t.send('get', path, { ...options, path: pathParams(path, [id, subId]) }) as Promise<SuccessOf<Operation<P, 'get'>>>;

/** PATCH one object: update(id, patch, { ifMatch }). */
export const update = <P extends PathWith<'patch'>>(t: Transport, path: P) =>
  (id: string, patch: BodyOf<Operation<P, 'patch'>>, options: ConditionalOptions = {}) =>
    t.send('patch', path, { ...options, path: pathParams(path, [id]), body: patch }) as Promise<SuccessOf<Operation<P, 'patch'>>>;

/** PATCH a collection: the bulk update, bulkUpdate(body, { idempotencyKey }). */
export const patchAll = <P extends PathWith<'patch'>>(t: Transport, path: P) =>
  (body: BodyOf<Operation<P, 'patch'>>, options: IdempotentOptions = {}) =>
    t.send('patch', path, { ...options, body }) as Promise<SuccessOf<Operation<P, 'patch'>>>;

/** DELETE one object: remove(id, { ifMatch, query }). */
export const remove = <P extends PathWith<'delete'>>(t: Transport, path: P) =>
  (id: string, options: ConditionalOptions & { query?: DeleteQuery<Operation<P, 'delete'>> } = {}) =>
    t.send('delete', path, { ...options, path: pathParams(path, [id]) }) as Promise<SuccessOf<Operation<P, 'delete'>>>;

/** POST to an object: an action such as rotate-secret, action(id, body, options). */
export const action = <P extends PathWith<'post'>>(t: Transport, path: P) =>
  (id: string, body?: BodyOf<Operation<P, 'post'>>, options: IdempotentOptions & ConditionalOptions = {}) =>
    t.send('post', path, { ...options, path: pathParams(path, [id]), ...(body !== undefined ? { body } : {}) }) as Promise<SuccessOf<Operation<P, 'post'>>>;

/** POST to an object under another: retry(id, sub_id). */
export const actionUnder = <P extends PathWith<'post'>>(t: Transport, path: P) =>
  (id: string, subId: string, body?: BodyOf<Operation<P, 'post'>>, options: IdempotentOptions = {}) =>
    t.send('post', path, { ...options, path: pathParams(path, [id, subId]), ...(body !== undefined ? { body } : {}) }) as Promise<SuccessOf<Operation<P, 'post'>>>;
