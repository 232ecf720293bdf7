// End-to-end wall time of one big request, repeated: body built beforehand, clock from sending
// to the last byte of the answer parsed. check() says what is wrong with an answer, if anything.
import { requestJson, type JsonResponse } from './http.ts';

export const BULK_REPEATS = 3;

export interface BulkTiming {
  wallMs: number[];
  failures: number;
  note?: string;
}

export async function timeBulk(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: (round: number) => unknown,
  check: (res: JsonResponse) => string | undefined,
): Promise<BulkTiming> {
  const wallMs: number[] = [];
  let failures = 0;
  let note: string | undefined;
  for (let round = 0; round < BULK_REPEATS; round++) {
    // Every round changes every item, so no round is a no-op.
    const rawBody = JSON.stringify(body(round));
    const res = await requestJson(method, url, { headers, rawBody });
    wallMs.push(res.ms);
    const problem = check(res);
    if (problem) {
      failures++;
      note ??= `round ${round + 1}: ${problem}`;
    }
  }
  return { wallMs, failures, note: note ?? `${(JSON.stringify(body(0)).length / 1e6).toFixed(1)} MB request body, ${BULK_REPEATS} rounds` };
}
