import type { WordFilterAction, WordFilterRule } from '@klasteris/contracts';
import { escapeRegex, foldText } from '../../common/text';

export const MAX_RULES = 100;
export const MAX_PATTERN_LENGTH = 60;

/**
 * Compiles coordinators' word-filter rules into one safe matcher per rule. Patterns are literal
 * (escaped) words or phrases matched on folded text (case and diacritics ignored) at word
 * boundaries; a trailing `*` matches a bounded word ending. No user text ever becomes a regex
 * operator, and the only quantifier is bounded, so matching stays linear in the message length.
 */
export function compileRule(rule: WordFilterRule): { re: RegExp; rule: WordFilterRule } {
  const raw = foldText(rule.pattern);
  const prefix = raw.endsWith('*');
  const literal = escapeRegex(prefix ? raw.slice(0, -1) : raw);
  const tail = prefix ? '[\\p{L}\\p{N}]{0,40}' : '';
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])${literal}${tail}(?![\\p{L}\\p{N}])`, 'u'), rule };
}

/** The strongest rule a message hits: `block` wins over `flag`; null when clean. */
export function matchRules(rules: WordFilterRule[], body: string): { action: WordFilterAction; pattern: string } | null {
  const text = foldText(body);
  let hit: { action: WordFilterAction; pattern: string } | null = null;
  for (const { re, rule } of rules.map(compileRule)) {
    if (!re.test(text)) continue;
    if (rule.action === 'block') return { action: 'block', pattern: rule.pattern };
    hit ??= { action: 'flag', pattern: rule.pattern };
  }
  return hit;
}
