import type { Language } from '@klasteris/contracts';
import type { MailBlock, MailContext, RenderedMail } from './blocks';
import { escapeHtml, oneLine } from './escape';
import { markdownToMailHtml, markdownToText } from './markdown';

const TEXTS: Record<
  Language,
  { hello: (name: string) => string; helloAnon: string; why: (cluster: string) => string; unsubscribe: string; orOpen: string }
> = {
  en: {
    hello: (n) => `Hello ${n},`,
    helloAnon: 'Hello,',
    why: (c) => `This e-mail was sent by ${c} through the Klasteris portal.`,
    unsubscribe: 'Stop these e-mails',
    orOpen: 'If the button does not work, open this link:',
  },
  lt: {
    hello: (n) => `Sveiki, ${n},`,
    helloAnon: 'Sveiki,',
    why: (c) => `Šį laišką išsiuntė ${c} per portalą „Klasteris“.`,
    unsubscribe: 'Nebegauti tokių laiškų',
    orOpen: 'Jei mygtukas neveikia, atverkite šią nuorodą:',
  },
};

export interface LaidOutMail {
  subject: string;
  html: string;
  text: string;
}

/** Absolute http(s) link for a block's href: app paths get PUBLIC_URL, other schemes are dropped. */
function safeHref(href: string, ctx: MailContext): string | null {
  if (href.startsWith('/') && !href.startsWith('//')) return ctx.url(href);
  return /^https?:\/\//i.test(href) ? href : null;
}

const P = 'margin:0 0 16px;font-size:15px;line-height:1.55;color:#1d2330';

function blockHtml(b: MailBlock, ctx: MailContext, t: (typeof TEXTS)[Language]): string {
  switch (b.type) {
    case 'p':
      return `<p style="${P}">${escapeHtml(b.text).replace(/\n/g, '<br>')}</p>`;
    case 'button': {
      const href = safeHref(b.href, ctx);
      if (!href) return '';
      const h = escapeHtml(href);
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 20px"><tr><td style="border-radius:6px;background:#1f5fae">` +
        `<a href="${h}" style="display:inline-block;padding:12px 22px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(b.label)}</a>` +
        `</td></tr></table><p style="margin:0 0 20px;font-size:12px;line-height:1.5;color:#5b6475">${escapeHtml(t.orOpen)}<br><a href="${h}" style="color:#1f5fae;word-break:break-all">${h}</a></p>`
      );
    }
    case 'quote':
      return (
        `<blockquote style="margin:0 0 16px;padding:10px 14px;border-left:3px solid #c5cfdf;background:#f5f7fb;color:#2d3545;font-size:15px;line-height:1.55">` +
        `${escapeHtml(b.text).replace(/\n/g, '<br>')}${b.by ? `<br><span style="color:#5b6475;font-size:13px">— ${escapeHtml(b.by)}</span>` : ''}</blockquote>`
      );
    case 'markdown':
      return `<div style="${P}">${markdownToMailHtml(b.source, (p) => ctx.url(p))}</div>`;
    case 'facts':
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;font-size:14px;line-height:1.5">` +
        b.rows
          .map(
            ([k, v]) =>
              `<tr><td style="padding:2px 16px 2px 0;color:#5b6475;vertical-align:top">${escapeHtml(k)}</td><td style="padding:2px 0;color:#1d2330">${escapeHtml(v)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
    case 'note':
      return `<p style="margin:0 0 12px;font-size:13px;line-height:1.5;color:#5b6475">${escapeHtml(b.text)}</p>`;
  }
}

function blockText(b: MailBlock, ctx: MailContext): string {
  switch (b.type) {
    case 'p':
    case 'note':
      return b.text;
    case 'button': {
      const href = safeHref(b.href, ctx);
      return href ? `${b.label}:\n${href}` : '';
    }
    case 'quote':
      return `${b.text
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}${b.by ? `\n> — ${b.by}` : ''}`;
    case 'markdown':
      return markdownToText(b.source);
    case 'facts':
      return b.rows.map(([k, v]) => `${k}: ${v}`).join('\n');
  }
}

/**
 * The one look of every mail: the cluster's name on top, the template's blocks, the footer
 * (why this mail, and for non-essential kinds the unsubscribe link). Escapes every string.
 */
export function layOut(mail: RenderedMail, ctx: MailContext, unsubscribeUrl: string | null): LaidOutMail {
  const t = TEXTS[ctx.language];
  const greeting = ctx.recipientName ? t.hello(oneLine(ctx.recipientName, 80)) : t.helloAnon;
  const subject = oneLine(mail.subject, 180);
  const body = mail.blocks.map((b) => blockHtml(b, ctx, t)).join('\n');
  const footerLinks = unsubscribeUrl
    ? `<br><a href="${escapeHtml(unsubscribeUrl)}" style="color:#5b6475">${escapeHtml(t.unsubscribe)}</a>`
    : '';
  const html = `<!doctype html>
<html lang="${ctx.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#eef1f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
${mail.preheader ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(oneLine(mail.preheader))}</div>` : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#eef1f6;padding:24px 12px"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:10px;overflow:hidden">
<tr><td style="background:#16345f;padding:18px 28px;color:#ffffff;font-size:17px;font-weight:600;letter-spacing:.2px"><a href="${escapeHtml(ctx.publicUrl)}" style="color:#ffffff;text-decoration:none">${escapeHtml(ctx.clusterName)}</a></td></tr>
<tr><td style="padding:28px 28px 12px">
<p style="${P}">${escapeHtml(greeting)}</p>
${body}
</td></tr>
<tr><td style="padding:16px 28px 24px;border-top:1px solid #e3e8f0;font-size:12px;line-height:1.5;color:#5b6475">${escapeHtml(t.why(ctx.clusterName))} <a href="${escapeHtml(ctx.publicUrl)}" style="color:#5b6475">${escapeHtml(ctx.publicUrl.replace(/^https?:\/\//, ''))}</a>${footerLinks}</td></tr>
</table></td></tr></table></body></html>`;
  const text = [
    greeting,
    '',
    ...mail.blocks
      .map((b) => blockText(b, ctx))
      .filter((s) => s !== '')
      .flatMap((s) => [s, '']),
    '-- ',
    `${t.why(ctx.clusterName)} ${ctx.publicUrl}`,
    ...(unsubscribeUrl ? [`${t.unsubscribe}: ${unsubscribeUrl}`] : []),
  ].join('\n');
  return { subject, html, text };
}
