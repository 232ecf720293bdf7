// Puts the examples table (examples.ts) into the OpenAPI document: `example` on each parameter
// and on each media type of each request body, as "Try it out" in /docs fills them in.
import { COMMON_PARAMS, EXAMPLES } from './examples.ts';
import { operationsOf } from './walk.ts';

type Json = Record<string, any>;

export function applyExamples(doc: Json): void {
  for (const { op } of operationsOf(doc)) {
    const example = EXAMPLES[op.operationId] ?? {};
    for (const param of op.parameters ?? []) {
      const value = example.params?.[param.name] ?? COMMON_PARAMS[param.name];
      if (value !== undefined) param.example = value;
    }
    if (op.requestBody && example.body !== undefined) {
      for (const media of Object.values<Json>(op.requestBody.content ?? {})) media.example = example.body;
    }
  }
}
