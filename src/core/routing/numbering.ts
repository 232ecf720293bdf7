// Facts about E.164 numbering the routing engine needs, from libphonenumber's metadata:
// which digit strings start with a country calling code, and which region codes exist.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';

/** "+" and 1–15 digits, the first not 0: the syntax of E.164 (and of its prefixes). */
export const E164_SYNTAX = /^\+[1-9]\d{0,14}$/;

// ITU country calling codes are prefix-free (no code starts another), so a number has one.
const CALLING_CODES = new Map<string, string | null>([
  ...Object.entries(metadata.country_calling_codes).map(([code, regions]) => [code, (regions as string[])[0] ?? null] as [string, string | null]),
  ...Object.keys(metadata.nonGeographic).map((code) => [code, null] as [string, null]),
]);

/** The country calling code `digits` (no "+") starts with, if any. */
export function callingCodeOf(digits: string): string | undefined {
  for (let length = 1; length <= 3 && length <= digits.length; length++) {
    const code = digits.slice(0, length);
    if (CALLING_CODES.has(code)) return code;
  }
  return undefined;
}

/** The main region of a calling code (US for 1, GB for 44), null for non-geographic ones (800 …). */
export function mainRegionOf(callingCode: string): string | null {
  return CALLING_CODES.get(callingCode) ?? null;
}

/** An ISO 3166-1 alpha-2 code libphonenumber knows numbers of. */
export function isRegion(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code as CountryCode);
}

/**
 * A national-format number read as a number of `region`, in E.164; undefined when it cannot be
 * one there. Possible (right length) is enough: the numbers a workspace holds may be ranges
 * libphonenumber does not list as valid (555-01xx test numbers, new ranges).
 */
export function nationalToE164(national: string, region: string): string | undefined {
  if (!isRegion(region)) return undefined;
  const parsed = parsePhoneNumberFromString(national, region as CountryCode);
  return parsed && parsed.isPossible() ? parsed.number : undefined;
}

/** The region of a number in E.164 (GB for +4420…), as libphonenumber sees it; null when unknown. */
export function regionOf(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.country ?? null;
}
