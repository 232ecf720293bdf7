// Canonical E.164 from anything libphonenumber-js understands with a country code.
// The "max" metadata is needed to tell a toll-free number from a geographic one.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface ParsedNumber {
  e164: string;
  countryCode: string | null;
  numberType: string;
}

/** Parsing with the "max" metadata takes ≈ 20 µs, and every read by number parses; it is pure, so answers are kept. */
const MEMO_SIZE = 10_000;
const memo = new Map<string, ParsedNumber | null>();

export function parseE164(input: string): ParsedNumber | undefined {
  let parsed = memo.get(input);
  if (parsed === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(input, (parsed = parse(input) ?? null));
  }
  // A copy: callers may change what they get.
  return parsed ? { ...parsed } : undefined;
}

function parse(input: string): ParsedNumber | undefined {
  const trimmed = input.trim();
  // Only characters a human writes in a phone number; libphonenumber would otherwise
  // find a number inside arbitrary text.
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return undefined;
  const withPlus = trimmed.startsWith('+') ? trimmed : trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : undefined;
  if (!withPlus) return undefined;
  const parsed = parsePhoneNumberFromString(withPlus);
  if (!parsed || !parsed.isValid()) return undefined;
  return {
    e164: parsed.number,
    countryCode: parsed.country ?? null,
    numberType: parsed.getType()?.toLowerCase() ?? 'unknown',
  };
}

export const E164_HINT = 'must be a valid phone number in international format, such as +14155551234';

/**
 * A number as a URL names it: E.164 with its "+" (or any format parseE164 takes), the "+" turned
 * into a space by query-string decoding (" 14155551234"), or digits alone, country code first
 * ("14155551234"). Every face looks numbers up through this.
 */
export function parseNumberRef(raw: string): ParsedNumber | undefined {
  const trimmed = raw.trim();
  return parseE164(/^[1-9]/.test(trimmed) ? `+${trimmed}` : trimmed);
}

/** A prefix of numbers as a filter names it: "+1415", " 1415" (a "+" decoded to a space) or "1415". */
export const NUMBER_PREFIX_PATTERN = '^[ +]?[0-9]{1,15}$';

/** Such a prefix as stored numbers start: "+1415". */
export const numberPrefixOf = (raw: string): string => `+${raw.replace(/^[ +]/, '')}`;

/**
 * The digits a search text looks for in numbers, when it reads as part of a phone number
 * ("5551234", "555-1234", "+1 (415)"): digits with only the punctuation people write numbers
 * with. Text with a letter in it ("Line 2") is searched in names only: undefined.
 */
export function searchDigitsOf(text: string): string | undefined {
  if (!/^[\d\s+().\-/]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits || undefined;
}

/** A country a number can have (ISO 3166-1 alpha-2, any case), as libphonenumber knows them. */
export const isKnownCountry = (code: string): boolean => isSupportedCountry(code.toUpperCase() as never);
