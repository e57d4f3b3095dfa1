import DOMPurify, { type Config } from 'dompurify';
import { Marked, type Tokens } from 'marked';

/**
 * The Markdown subset of chat messages (bold, italic, strike, inline code, code blocks, links,
 * lists, quotes) rendered to HTML that is safe to put in the page:
 * - raw HTML in a message is never interpreted: it is shown as text;
 * - images are not loaded (their alt text is shown), headings render as bold text;
 * - everything marked produces goes through DOMPurify with a small allowlist of tags and
 *   attributes, and links may only point to http(s), mailto or the app itself;
 * - every link opens in a new tab with rel="noopener noreferrer".
 */

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'blockquote', 'span', 'hr'];
const ALLOWED_ATTR = ['href', 'title', 'class', 'start'];
/** http(s), mailto, or a same-origin path such as /chat/… (never `//host`). */
export const SAFE_URL = /^(?:(?:https?|mailto):|\/(?!\/))/i;

const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML (block or inline) is shown as the text the person typed.
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    heading({ tokens }: Tokens.Heading): string {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>`;
    },
    image({ text }: Tokens.Image): string {
      return escapeHtml(text);
    },
  },
});

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = node.getAttribute('href');
        if (!href || !SAFE_URL.test(href.trim())) node.removeAttribute('href');
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (node.hasAttribute('class') && !/^(?:language-[\w-]+|mention(?: mention-me)?)$/.test(node.getAttribute('class') ?? '')) {
        node.removeAttribute('class');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

export interface MarkdownOptions {
  /** display name of a mentioned user id (`<@id>` tokens in the body), null when unknown */
  nameOf?: (userId: string) => string | null;
  /** the reader's user id: mentions of them get an extra class */
  myId?: string | null;
  /** label for a mention of someone unknown to the client */
  unknownName?: string;
}

/** `<@userId>` tokens the composer inserts for mentions. */
export const MENTION_TOKEN = /<@([0-9a-f]{24})>/g;
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SENTINEL = /\uE000([0-9a-f]{24})\uE001/g;
const BROADCAST = /(^|[^\p{L}\p{N}_])@(channel|here|kanalas)(?![\p{L}\p{N}_])/gu;

/** Replaces mention sentinels by `@Name` (a span outside code) and highlights @channel. */
function renderMentions(html: string, options: MarkdownOptions): string {
  if (!html.includes(OPEN) && !html.includes('@')) return html;
  const label = (id: string): string => escapeHtml(`@${options.nameOf?.(id) ?? options.unknownName ?? id.slice(-6)}`);
  let inCode = 0;
  return html
    .split(/(<[^>]+>)/g)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(code|pre)\b/i.test(part)) inCode++;
        else if (/^<\/(code|pre)>/i.test(part)) inCode = Math.max(0, inCode - 1);
        return part;
      }
      if (inCode > 0) return part.replace(SENTINEL, (_m, id: string) => label(id));
      return part
        .replace(
          SENTINEL,
          (_m, id: string) => `<span class="${id === options.myId ? 'mention mention-me' : 'mention'}">${label(id)}</span>`,
        )
        .replace(BROADCAST, (_m, lead: string, word: string) => `${lead}<span class="mention mention-me">@${word}</span>`);
    })
    .join('');
}

/** Plain text of a message (for previews, notifications, aria labels): mentions as @Name, no Markdown. */
export function plainText(body: string, options: MarkdownOptions = {}): string {
  return body.replace(MENTION_TOKEN, (_m, id: string) => `@${options.nameOf?.(id) ?? options.unknownName ?? ''}`);
}

/** Markdown → sanitised HTML string (safe for `[innerHTML]`). */
export function renderMarkdown(body: string, options: MarkdownOptions = {}): string {
  const raw = marked.parse((body ?? '').replace(MENTION_TOKEN, (_m, id: string) => `${OPEN}${id}${CLOSE}`)) as string;
  const withMentions = renderMentions(raw, options);
  return purifier().sanitize(withMentions, { ...PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false });
}

/** Markdown → the text a reader sees (marks gone, mentions as names, one line per block), for quotes and excerpts. */
export function markdownText(body: string, options: MarkdownOptions = {}): string {
  const html = renderMarkdown(body, options).replace(/<br\s*\/?>|<\/(?:p|li|pre|blockquote)>/g, '$&\n');
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
