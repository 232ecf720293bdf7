// get-faces: the same single-number read through each vendor face (paths and auth as in
// src/http/compat/*/routes.ts), compared with get-v1.
import { runLoad } from '../lib/load.ts';
import type { SeededNumber } from '../lib/switchboard.ts';
import { failureNote, pick, type BenchContext, type Row, type Scenario } from './types.ts';

interface Face {
  name: string;
  path: (n: SeededNumber) => string;
  auth: (ctx: BenchContext) => Record<string, string>;
}

export const FACES: Face[] = [
  // Freya: by id, Bearer key.
  { name: 'get-freya', path: (n) => `/api/v2/phone-numbers/${n.id}`, auth: (ctx) => ctx.sb.auth },
  // VoiceOS: by number in the path (+ URL-encoded), Bearer key.
  { name: 'get-voiceos', path: (n) => `/phone_numbers/${encodeURIComponent(n.number)}`, auth: (ctx) => ctx.sb.auth },
  // Vocode: by number in the query, Bearer key.
  { name: 'get-vocode', path: (n) => `/v1/numbers?phone_number=${encodeURIComponent(n.number)}`, auth: (ctx) => ctx.sb.auth },
  // SignalWire: by id (a UUID), HTTP Basic project id : token.
  { name: 'get-signalwire', path: (n) => `/api/relay/rest/phone_numbers/${n.id}`, auth: (ctx) => ctx.sb.basicAuth },
];

export const getFaces: Scenario = {
  name: 'get-faces',
  description: 'single-number GET through the Freya, VoiceOS, Vocode and SignalWire faces',
  async run(ctx) {
    const rows: Row[] = [];
    for (const face of FACES) {
      const result = await runLoad({ url: ctx.sb.url, headers: face.auth(ctx), next: () => ({ path: face.path(pick(ctx.numbers)) }) });
      rows.push({ name: face.name, ...result, baseline: 'get-v1', targets: [{ kind: 'ratio', of: 'get-v1', min: 0.8 }], note: failureNote(result) });
    }
    return rows;
  },
};
