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
  /** display names that may be mentioned (`@Name Surname`), highlighted in the output */
  mentionNames?: readonly string[];
  /** the reader's own display name: their mentions get an extra class */
  myName?: string | null;
}

/** Wraps `@Name` (known names, longest first) and `@channel` in mention spans, outside code. */
function highlightMentions(html: string, options: MarkdownOptions): string {
  const names = [...(options.mentionNames ?? []), 'channel', 'here'].filter((n) => n.trim().length > 0);
  if (!html.includes('@') || names.length === 0) return html;
  const escaped = names
    .map((n) => escapeHtml(n))
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(^|[\\s(>])@(${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const me = options.myName ? escapeHtml(options.myName) : null;
  // Split into tags and text; skip text inside <code>/<pre>.
  let inCode = 0;
  return html
    .split(/(<[^>]+>)/g)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(code|pre)\b/i.test(part)) inCode++;
        else if (/^<\/(code|pre)>/i.test(part)) inCode = Math.max(0, inCode - 1);
        return part;
      }
      if (inCode > 0) return part;
      return part.replace(pattern, (_m, lead: string, name: string) => {
        const cls = name === me || name === 'channel' || name === 'here' ? 'mention mention-me' : 'mention';
        return `${lead}<span class="${cls}">@${name}</span>`;
      });
    })
    .join('');
}

/** Markdown → sanitised HTML string (safe for `[innerHTML]`). */
export function renderMarkdown(body: string, options: MarkdownOptions = {}): string {
  const raw = marked.parse(body ?? '') as string;
  const withMentions = highlightMentions(raw, options);
  return purifier().sanitize(withMentions, { ...PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}
