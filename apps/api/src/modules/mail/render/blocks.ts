import type { Language } from '@klasteris/contracts';

/**
 * What a template produces: plain data, never HTML. The layout turns blocks into the HTML and
 * the plain-text part, escaping every string — so user content (names, messages, reasons) can
 * never inject markup, and the two parts always say the same thing.
 */
export type MailBlock =
  | { type: 'p'; text: string }
  /** a call to action; `href` is an app path (made absolute from PUBLIC_URL) or an absolute URL */
  | { type: 'button'; label: string; href: string }
  /** a quotation of user text (an invitation's message, a rejection reason) */
  | { type: 'quote'; text: string; by?: string }
  /** user Markdown (as in chat), rendered and sanitised */
  | { type: 'markdown'; source: string }
  | { type: 'facts'; rows: [label: string, value: string][] }
  /** small print under the content */
  | { type: 'note'; text: string };

export interface RenderedMail {
  subject: string;
  /** one line shown by mail clients after the subject */
  preheader?: string;
  blocks: MailBlock[];
}

export interface MailContext {
  language: Language;
  clusterName: string;
  publicUrl: string;
  recipientName: string | null;
  /** absolute link for an app path */
  url(path: string): string;
  /** a date and time in the recipient's language (and time zone, when given) */
  dateTime(at: Date | string, timeZone?: string): string;
}

/** The per-language texts of a template: `t[ctx.language]`. */
export type Texts<T> = Record<Language, T>;

/**
 * One kind of mail. `essential` mails (account, security, invitations) are always sent and carry
 * no unsubscribe; the others get List-Unsubscribe (RFC 8058 one-click) and a footer link.
 */
export interface MailTemplate<D> {
  essential: boolean;
  render(data: D, ctx: MailContext): RenderedMail;
}

export const defineTemplate = <D>(t: MailTemplate<D>): MailTemplate<D> => t;
