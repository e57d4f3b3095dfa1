/** Mentions in a message body: `<@userId>` tokens (inserted by the composer) and `@channel` / `@here`. */
export interface ParsedMentions {
  userIds: string[];
  channel: boolean;
}

const USER_TOKEN = /<@([0-9a-f]{24})>/g;
const CHANNEL_TOKEN = /(^|[^\p{L}\p{N}_])@(channel|here|kanalas)(?![\p{L}\p{N}_])/u;

export function parseMentions(body: string): ParsedMentions {
  const userIds = [...new Set([...body.matchAll(USER_TOKEN)].map((m) => m[1]))];
  return { userIds, channel: CHANNEL_TOKEN.test(body) };
}

/** Folded words for search: lower case, no diacritics, split on anything that is not a letter or digit. */
export function searchTerms(body: string): string[] {
  const folded = body
    .replace(USER_TOKEN, ' ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 1 && w.length <= 40);
  return [...new Set(words)].slice(0, 300);
}
