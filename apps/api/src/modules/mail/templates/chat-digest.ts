import { defineTemplate, type MailBlock, type Texts } from '../render/blocks';

export interface ChatDigestMessage {
  authorName: string;
  /** chat Markdown, mention tokens already resolved to names */
  body: string;
  at: Date;
}

export interface ChatDigestGroup {
  /** a direct message (the people) or a channel's name */
  direct: boolean;
  title: string;
  /** app path of the conversation, /chat/<id> */
  path: string;
  messages: ChatDigestMessage[];
  /** unread ones not shown here */
  more: number;
}

export interface ChatDigestMail {
  groups: ChatDigestGroup[];
  /** every unread mention and direct message counted */
  total: number;
  timeZone: string;
}

const t: Texts<{
  subject: (n: number, c: string) => string;
  intro: (n: number) => string;
  direct: (who: string) => string;
  channel: (name: string) => string;
  more: (n: number) => string;
  open: string;
  why: string;
}> = {
  en: {
    subject: (n, c) => (n === 1 ? `1 unread message for you on ${c}` : `${n} unread messages for you on ${c}`),
    intro: (n) => (n === 1 ? 'A mention or direct message is waiting for you:' : `${n} mentions and direct messages are waiting for you:`),
    direct: (who) => `Direct message from ${who}`,
    channel: (name) => `Mentioned in #${name}`,
    more: (n) => (n === 1 ? '…and 1 more message.' : `…and ${n} more messages.`),
    open: 'Open the conversation',
    why: 'You get this digest because these messages stayed unread. Messages you read in the meantime are left out. Change how often and when in your notification settings.',
  },
  lt: {
    subject: (n, c) => `Neperskaitytų žinučių jums portale „${c}“: ${n}`,
    intro: (n) => (n === 1 ? 'Jūsų laukia paminėjimas arba asmeninė žinutė:' : `Jūsų laukia paminėjimų ir asmeninių žinučių: ${n}.`),
    direct: (who) => `Asmeninė žinutė nuo ${who}`,
    channel: (name) => `Paminėta kanale #${name}`,
    more: (n) => `…ir dar žinučių: ${n}.`,
    open: 'Atverti pokalbį',
    why: 'Šią santrauką gaunate, nes šios žinutės liko neperskaitytos. Tai, ką per tą laiką perskaitėte, praleista. Kaip dažnai ir kada ją gauti, keiskite pranešimų nustatymuose.',
  },
};

/** Mentions and direct messages still unread after the person's digest delay; non-essential. */
export const chatDigestMail = defineTemplate<ChatDigestMail>({
  essential: false,
  render(d, ctx) {
    const x = t[ctx.language];
    const blocks: MailBlock[] = [{ type: 'p', text: x.intro(d.total) }];
    for (const g of d.groups) {
      blocks.push({ type: 'p', text: g.direct ? x.direct(g.title) : x.channel(g.title) });
      for (const m of g.messages) {
        blocks.push({ type: 'note', text: `${m.authorName} · ${ctx.dateTime(m.at, d.timeZone)}` });
        blocks.push({ type: 'markdown', source: m.body });
      }
      if (g.more > 0) blocks.push({ type: 'note', text: x.more(g.more) });
      blocks.push({ type: 'button', label: x.open, href: g.path });
    }
    blocks.push({ type: 'note', text: x.why });
    return { subject: x.subject(d.total, ctx.clusterName), preheader: x.intro(d.total), blocks };
  },
});
