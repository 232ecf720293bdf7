// The operations of an OpenAPI document, one by one.
type Json = Record<string, any>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export function* operationsOf(doc: Json): Generator<{ path: string; method: string; op: Json }> {
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) if (item[method]) yield { path, method, op: item[method] };
  }
}
