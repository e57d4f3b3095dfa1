import { defineTemplate, type Texts } from '../render/blocks';

export interface EventOfferMail {
  eventTitle: string;
  start: Date;
  end: Date;
  timeZone: string;
  venue: string;
  /** the place is held until then */
  expiresAt: Date;
  /** app path where the place is confirmed (the event page for members, a link with a token for prospects) */
  confirmPath: string;
  /** app path that gives the place up; null: from the event page */
  declinePath: string | null;
}

const t: Texts<{
  subject: (title: string) => string;
  intro: (title: string) => string;
  until: (when: string) => string;
  starts: string;
  ends: string;
  where: string;
  confirm: string;
  decline: string;
  note: string;
}> = {
  en: {
    subject: (title) => `A place is free for you: ${title}`,
    intro: (title) => `A place has freed up at "${title}" and you are next on the waiting list.`,
    until: (when) =>
      `We hold it for you until ${when}. Please confirm that you are coming; after that the place goes to the next person in line.`,
    starts: 'Starts',
    ends: 'Ends',
    where: 'Venue',
    confirm: 'Confirm my place',
    decline: 'I cannot come',
    note: 'If you do nothing, the hold lapses and you leave the waiting list.',
  },
  lt: {
    subject: (title) => `Jums atsirado vieta: ${title}`,
    intro: (title) => `Renginyje „${title}“ atsilaisvino vieta, o jūs esate pirmas laukiančiųjų sąraše.`,
    until: (when) => `Ją jums laikome iki ${when}. Patvirtinkite, kad dalyvausite; vėliau vieta atiteks kitam eilėje.`,
    starts: 'Pradžia',
    ends: 'Pabaiga',
    where: 'Vieta',
    confirm: 'Patvirtinti vietą',
    decline: 'Negalėsiu dalyvauti',
    note: 'Jei nieko nedarysite, vietos rezervacija baigsis ir būsite išbraukti iš laukiančiųjų sąrašo.',
  },
};

/** To the first person waiting when a place frees up: it is held for a while and must be confirmed (time-critical, so always sent). */
export const eventOfferMail = defineTemplate<EventOfferMail>({
  essential: true,
  render(d, ctx) {
    const x = t[ctx.language];
    return {
      subject: x.subject(d.eventTitle),
      preheader: x.intro(d.eventTitle),
      blocks: [
        { type: 'p', text: x.intro(d.eventTitle) },
        { type: 'p', text: x.until(ctx.dateTime(d.expiresAt, d.timeZone)) },
        {
          type: 'facts',
          rows: [
            [x.starts, ctx.dateTime(d.start, d.timeZone)],
            [x.ends, ctx.dateTime(d.end, d.timeZone)],
            [x.where, d.venue],
          ],
        },
        { type: 'button', label: x.confirm, href: d.confirmPath },
        ...(d.declinePath ? [{ type: 'button' as const, label: x.decline, href: d.declinePath }] : []),
        { type: 'note', text: x.note },
      ],
    };
  },
});
