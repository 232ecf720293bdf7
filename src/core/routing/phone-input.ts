// Reads a called or calling number as carriers and SIP trunks send it — "+14155550100",
// "14155550100", "(415) 555-0100", "tel:+1-415-555-0100", "tel:5550100;phone-context=+1415",
// "sip:+14155550100@trunk;user=phone", "\"Ann\" <sip:0100@pbx>" — and lists what it may mean in E.164.
import { E164_SYNTAX, nationalToE164 } from './numbering.ts';

export type DialString = { kind: 'international'; digits: string } | { kind: 'national'; digits: string };

export interface Reading {
  e164: string;
  /** How it was read, for the trace: "international", "national (US)", "international without +". */
  how: string;
}

// RFC 3966 visual separators, plus the spaces and slashes people type.
const SEPARATORS = /[\s\-.()/]/g;

/** The dialled digits inside `input`, or undefined when it holds no number (sip:alice@…, anonymous). */
export function dialString(input: string): DialString | undefined {
  let text = input.trim();
  const bracketed = /<([^>]*)>/.exec(text);
  if (bracketed) text = bracketed[1]!.trim();
  let phoneContext: string | undefined;

  const scheme = /^(tel|sips?):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme) {
    text = text.slice(scheme.length + 1);
    if (scheme !== 'tel') {
      const at = text.lastIndexOf('@');
      if (at >= 0) text = text.slice(0, at);
    }
    const [number, ...params] = text.split(';');
    text = number ?? '';
    for (const param of params) {
      const [name, value] = param.split('=');
      if (name?.toLowerCase() === 'phone-context' && value) phoneContext = value;
    }
    try {
      text = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }

  text = text.replace(SEPARATORS, '');
  if (/^\+\d+$/.test(text)) return { kind: 'international', digits: text.slice(1) };
  if (/^00\d+$/.test(text)) return { kind: 'international', digits: text.slice(2) };
  if (!/^\d+$/.test(text)) return undefined;
  // A local number in a global context: the context's digits come first (RFC 3966 §5.1.5).
  const context = phoneContext?.replace(SEPARATORS, '');
  if (context && /^\+\d+$/.test(context)) return { kind: 'international', digits: context.slice(1) + text };
  return { kind: 'national', digits: text };
}

/**
 * Every E.164 number `input` may stand for, most likely first: as given when international;
 * otherwise read nationally in each of `regions` (in order), then as international without the +.
 */
export function readings(input: string, regions: readonly string[]): Reading[] {
  const dialled = dialString(input);
  if (!dialled) return [];
  const out: Reading[] = [];
  const add = (e164: string | undefined, how: string) => {
    if (e164 && E164_SYNTAX.test(e164) && e164.length >= 4 && !out.some((r) => r.e164 === e164)) out.push({ e164, how });
  };
  if (dialled.kind === 'international') {
    add(`+${dialled.digits}`, 'international');
    return out;
  }
  for (const region of regions) add(nationalToE164(dialled.digits, region), `national (${region})`);
  add(`+${dialled.digits}`, 'international without +');
  return out;
}
