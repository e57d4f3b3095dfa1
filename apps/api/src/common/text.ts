import { AVATAR_COLORS } from '@klasteris/contracts';

/** Lower-case, strip diacritics ("Duomenų" → "duomenu"), collapse spaces: the form search runs on. */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Escapes a user string for use inside a RegExp (no operators, no catastrophic patterns); a NUL
 * becomes `\x00`, since BSON refuses a regex source that contains one.
 */
export function escapeRegex(input: string): string {
  return input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');
}

/**
 * Text made safe for one log line: control characters (line breaks included), and bidirectional
 * overrides become visible escapes (`\n`, `\x00`, `\u202e`), so input quoted in a log cannot forge
 * or hide lines.
 */
export function logSafe(input: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return input.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A case/diacritic-insensitive "contains" matcher for a folded field, from user input. */
export function containsFolded(query: string): RegExp {
  return new RegExp(escapeRegex(foldText(query)));
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length >= 2 ? [parts[0][0], parts[parts.length - 1][0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

export function colorFor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return AVATAR_COLORS[h % AVATAR_COLORS.length];
}
