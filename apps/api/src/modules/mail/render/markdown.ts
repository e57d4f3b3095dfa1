import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escape';

/**
 * User Markdown (the chat subset) for a mail, safe by construction — no DOM sanitiser needed on
 * the server: raw HTML is shown as the text typed, images become their alt text, headings bold
 * text, and a link keeps its href only when it is http(s), mailto or an app path (made absolute).
 * Every other string marked emits is escaped by marked itself. Callers resolve mention tokens
 * (`<@id>`) to names first.
 */
const SAFE_URL = /^(?:https?:|mailto:)/i;

export function markdownToMailHtml(source: string, absolute: (path: string) => string): string {
  const marked = new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(text);
      },
      heading({ tokens }: Tokens.Heading): string {
        return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>`;
      },
      image({ text }: Tokens.Image): string {
        return escapeHtml(text);
      },
      link({ href, tokens }: Tokens.Link): string {
        const inner = this.parser.parseInline(tokens);
        const target = href.startsWith('/') && !href.startsWith('//') ? absolute(href) : href;
        if (!SAFE_URL.test(target)) return inner;
        return `<a href="${escapeHtml(target)}" style="color:#1f5fae">${inner}</a>`;
      },
    },
  });
  return marked.parse(source) as string;
}

/** Plain-text rendering of the same Markdown: the source without the markup that matters. */
export function markdownToText(source: string): string {
  return source
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__|~~|`)/g, '');
}
