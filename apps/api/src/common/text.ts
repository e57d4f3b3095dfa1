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

/** Escapes a user string for use inside a RegExp (no operators, no catastrophic patterns). */
export function escapeRegex(input: string): string {
  return input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
