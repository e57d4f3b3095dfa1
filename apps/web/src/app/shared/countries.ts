/** ISO 3166-1 alpha-2 codes offered in forms and filters; names live in i18n under `countries.<code>`. */
export const COUNTRY_CODES = [
  'LT',
  'LV',
  'EE',
  'PL',
  'DE',
  'FR',
  'GB',
  'OM',
  'FI',
  'SE',
  'NO',
  'US',
  'DK',
  'NL',
  'BE',
  'IE',
  'ES',
  'IT',
  'UA',
  'AE',
  'AZ',
  'KZ',
  'CZ',
  'AT',
  'CH',
  'IS',
  'PT',
  'GE',
  'JP',
  'SG',
  'IN',
  'CA',
  'IL',
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export function isKnownCountry(code: string | null | undefined): code is CountryCode {
  return !!code && (COUNTRY_CODES as readonly string[]).includes(code.toUpperCase());
}

/** Avatar colours the API accepts (all give white text at least 4.5:1 contrast). */
export { AVATAR_COLORS } from '@klasteris/contracts';

/** Initials from a display name: first letters of the first and last words, upper case. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : '';
  return (first + last).toLocaleUpperCase();
}
