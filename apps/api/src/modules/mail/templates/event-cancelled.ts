import { defineTemplate, type Texts } from '../render/blocks';

export interface EventCancelledMail {
  eventTitle: string;
  start: Date;
  timeZone: string;
  venue: string;
  reason: string | null;
  /** app path of the event's page */
  eventPath: string;
}

const t: Texts<{
  subject: (title: string) => string;
  intro: (title: string, when: string) => string;
  reason: string;
  where: string;
  open: string;
  ics: string;
}> = {
  en: {
    subject: (title) => `Cancelled: ${title}`,
    intro: (title, when) => `We are sorry: "${title}" on ${when} has been cancelled by its organisers.`,
    reason: 'Reason given',
    where: 'Venue',
    open: 'See the event',
    ics: 'The attached calendar file (event.ics) marks the event as cancelled in your calendar.',
  },
  lt: {
    subject: (title) => `Atšaukta: ${title}`,
    intro: (title, when) => `Apgailestaujame: organizatoriai atšaukė renginį „${title}“, vykusį ${when}.`,
    reason: 'Nurodyta priežastis',
    where: 'Vieta',
    open: 'Renginio puslapis',
    ics: 'Pridėtas kalendoriaus failas (event.ics) jūsų kalendoriuje pažymės renginį kaip atšauktą.',
  },
};

/** To everyone who held a place, was waiting or answered maybe when the event is cancelled (always sent). */
export const eventCancelledMail = defineTemplate<EventCancelledMail>({
  essential: true,
  render(d, ctx) {
    const x = t[ctx.language];
    const intro = x.intro(d.eventTitle, ctx.dateTime(d.start, d.timeZone));
    return {
      subject: x.subject(d.eventTitle),
      preheader: intro,
      blocks: [
        { type: 'p', text: intro },
        ...(d.reason ? [{ type: 'quote' as const, text: d.reason, by: x.reason }] : []),
        { type: 'facts', rows: [[x.where, d.venue]] },
        { type: 'button', label: x.open, href: d.eventPath },
        { type: 'note', text: x.ics },
      ],
    };
  },
});
