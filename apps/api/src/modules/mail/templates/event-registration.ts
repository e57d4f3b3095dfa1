import { defineTemplate, type Texts } from '../render/blocks';

export interface EventRegistrationMail {
  eventTitle: string;
  start: Date;
  end: Date;
  timeZone: string;
  /** "INFOBALT event hall", "Al Khuwair, Muscat, OM" or "Online" */
  venue: string;
  status: 'going' | 'waitlisted';
  position: number | null;
  /** app path of the event's public page */
  eventPath: string;
  /** app path that cancels this registration (carries its token) */
  cancelPath: string;
}

const t: Texts<{
  subject: (title: string) => string;
  going: (title: string) => string;
  waitlisted: (title: string, position: number | null) => string;
  when: string;
  until: string;
  where: string;
  open: string;
  cancel: string;
  ics: string;
}> = {
  en: {
    subject: (title) => `Registration: ${title}`,
    going: (title) => `Thank you for registering for "${title}". Your place is reserved.`,
    waitlisted: (title, p) =>
      `Thank you for registering for "${title}". The event is full, so you are on the waiting list${p ? ` (number ${p})` : ''}; we will write when a place frees up.`,
    when: 'Starts',
    until: 'Ends',
    where: 'Venue',
    open: 'See the event',
    cancel: 'Cancel my registration',
    ics: 'The attached calendar file (event.ics) adds the event to your calendar.',
  },
  lt: {
    subject: (title) => `Registracija: ${title}`,
    going: (title) => `Dėkojame, kad užsiregistravote į renginį „${title}“. Jūsų vieta rezervuota.`,
    waitlisted: (title, p) =>
      `Dėkojame, kad užsiregistravote į renginį „${title}“. Vietų nebeliko, todėl esate laukiančiųjų sąraše${p ? ` (eilės numeris ${p})` : ''}; parašysime, kai atsiras vieta.`,
    when: 'Pradžia',
    until: 'Pabaiga',
    where: 'Vieta',
    open: 'Renginio puslapis',
    cancel: 'Atšaukti registraciją',
    ics: 'Pridėtas kalendoriaus failas (event.ics) įtrauks renginį į jūsų kalendorių.',
  },
};

/** To a prospect who registered on the visitor site: what they asked for, so always sent. */
export const eventRegistrationMail = defineTemplate<EventRegistrationMail>({
  essential: true,
  render(d, ctx) {
    const x = t[ctx.language];
    const intro = d.status === 'going' ? x.going(d.eventTitle) : x.waitlisted(d.eventTitle, d.position);
    return {
      subject: x.subject(d.eventTitle),
      preheader: intro,
      blocks: [
        { type: 'p', text: intro },
        {
          type: 'facts',
          rows: [
            [x.when, ctx.dateTime(d.start, d.timeZone)],
            [x.until, ctx.dateTime(d.end, d.timeZone)],
            [x.where, d.venue],
          ],
        },
        { type: 'button', label: x.open, href: d.eventPath },
        { type: 'note', text: x.ics },
        { type: 'button', label: x.cancel, href: d.cancelPath },
      ],
    };
  },
});
