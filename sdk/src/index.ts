// @switchboard/sdk: a typed client for Switchboard's native API.
export { createClient, type SwitchboardClient } from './client.ts';
export { SwitchboardError, type ErrorDetail } from './errors.ts';
export { List, type Page, type PageOptions } from './pagination.ts';
export { etagOf, type ClientOptions, type ConditionalOptions, type IdempotentOptions, type RequestOptions } from './transport.ts';
export type { Answer, Body, Method, Path, Query, paths } from './openapi-types.ts';
export type * from './types.ts';
