import { DateTime } from 'luxon';
import type { Language } from '@klasteris/contracts';
import { defineTemplate, type MailBlock, type Texts } from '../render/blocks';

export interface CardAssignedMail {
  assignerName: string;
  cardTitle: string;
  projectName: string;
  /** the card on its board, /projects/<id>/board?card=<id> */
  path: string;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

export interface CardDueItem {
  title: string;
  projectName: string;
  /** YYYY-MM-DD */
  dueDate: string;
  path: string;
}

/** The morning mail: the person's cards due tomorrow, or those that became overdue. */
export interface CardDueMail {
  cards: CardDueItem[];
}

/** At most this many cards are listed one by one; the rest are counted. */
export const CARD_DIGEST_MAX = 10;

const day = (date: string, language: Language): string =>
  DateTime.fromISO(date, { zone: 'utc' })
    .setLocale(language === 'lt' ? 'lt-LT' : 'en-GB')
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

const assigned: Texts<{
  subject: (d: CardAssignedMail) => string;
  body: (d: CardAssignedMail) => string;
  due: string;
  project: string;
  card: string;
  open: string;
}> = {
  en: {
    subject: (d) => `${d.assignerName} assigned you “${d.cardTitle}”`,
    body: (d) => `${d.assignerName} assigned you a card in ${d.projectName}.`,
    card: 'Card',
    project: 'Project',
    due: 'Due',
    open: 'Open the card',
  },
  lt: {
    subject: (d) => `${d.assignerName} priskyrė jums „${d.cardTitle}“`,
    body: (d) => `${d.assignerName} priskyrė jums kortelę projekte „${d.projectName}“.`,
    card: 'Kortelė',
    project: 'Projektas',
    due: 'Terminas',
    open: 'Atverti kortelę',
  },
};

export const cardAssignedMail = defineTemplate<CardAssignedMail>({
  essential: false,
  render(d, ctx) {
    const x = assigned[ctx.language];
    const rows: [string, string][] = [
      [x.card, d.cardTitle],
      [x.project, d.projectName],
    ];
    if (d.dueDate) rows.push([x.due, day(d.dueDate, ctx.language)]);
    return {
      subject: x.subject(d),
      preheader: x.body(d),
      blocks: [
        { type: 'p', text: x.body(d) },
        { type: 'facts', rows },
        { type: 'button', label: x.open, href: d.path },
      ],
    };
  },
});

interface DigestTexts {
  subject: (n: number, first: string) => string;
  body: (n: number) => string;
  due: (date: string) => string;
  more: (n: number) => string;
  all: string;
}

const cardBlocks = (d: CardDueMail, x: DigestTexts, language: Language): MailBlock[] => {
  const shown = d.cards.slice(0, CARD_DIGEST_MAX);
  return [
    ...shown.flatMap((c): MailBlock[] => [
      { type: 'button', label: c.title, href: c.path },
      { type: 'note', text: `${c.projectName} · ${x.due(day(c.dueDate, language))}` },
    ]),
    ...(d.cards.length > shown.length ? [{ type: 'p' as const, text: x.more(d.cards.length - shown.length) }] : []),
    { type: 'p', text: x.all },
  ];
};

const dueTomorrow: Texts<DigestTexts> = {
  en: {
    subject: (n, first) => (n === 1 ? `Due tomorrow: “${first}”` : `${n} of your cards are due tomorrow`),
    body: (n) => (n === 1 ? 'A card assigned to you is due tomorrow:' : `${n} cards assigned to you are due tomorrow:`),
    due: (date) => `due ${date}`,
    more: (n) => `…and ${n} more.`,
    all: 'Your dashboard lists every card assigned to you.',
  },
  lt: {
    subject: (n, first) => (n === 1 ? `Rytoj terminas: „${first}“` : `Rytoj baigiasi ${n} jūsų kortelių terminas`),
    body: (n) => (n === 1 ? 'Jums priskirtos kortelės terminas – rytoj:' : `Rytoj baigiasi ${n} jums priskirtų kortelių terminas:`),
    due: (date) => `terminas ${date}`,
    more: (n) => `…ir dar ${n}.`,
    all: 'Visos jums priskirtos kortelės – jūsų pradžios puslapyje.',
  },
};

const overdue: Texts<DigestTexts> = {
  en: {
    subject: (n, first) => (n === 1 ? `Overdue: “${first}”` : `${n} of your cards are overdue`),
    body: (n) => (n === 1 ? 'A card assigned to you is past its due date:' : `${n} cards assigned to you are past their due date:`),
    due: (date) => `was due ${date}`,
    more: (n) => `…and ${n} more.`,
    all: 'Your dashboard lists every card assigned to you.',
  },
  lt: {
    subject: (n, first) => (n === 1 ? `Praleistas terminas: „${first}“` : `Praleistas ${n} jūsų kortelių terminas`),
    body: (n) => (n === 1 ? 'Jums priskirtos kortelės terminas praėjo:' : `Praėjo ${n} jums priskirtų kortelių terminas:`),
    due: (date) => `terminas buvo ${date}`,
    more: (n) => `…ir dar ${n}.`,
    all: 'Visos jums priskirtos kortelės – jūsų pradžios puslapyje.',
  },
};

const digest = (texts: Texts<DigestTexts>) =>
  defineTemplate<CardDueMail>({
    essential: false,
    render(d, ctx) {
      const x = texts[ctx.language];
      const n = d.cards.length;
      return {
        subject: x.subject(n, d.cards[0]?.title ?? ''),
        preheader: x.body(n),
        blocks: [{ type: 'p', text: x.body(n) }, ...cardBlocks(d, x, ctx.language)],
      };
    },
  });

export const cardDueTomorrowMail = digest(dueTomorrow);
export const cardOverdueMail = digest(overdue);
