import { defineTemplate, type Texts } from '../render/blocks';

export interface EventAnnouncementMail {
  event: { title: string; start: Date; timeZone: string };
  authorName: string;
  /** Markdown, mention tokens already resolved to names */
  body: string;
  /** app path: the message in the event's chat (members) or the event's page on the visitor site (prospects) */
  openPath: string;
}

const t: Texts<{
  subject: (title: string) => string;
  intro: (author: string, title: string, when: string) => string;
  open: string;
  note: string;
}> = {
  en: {
    subject: (title) => `${title}: a message from the organisers`,
    intro: (author, title, when) => `${author}, organiser of "${title}" (${when}), wrote to everyone going:`,
    open: 'Open the message',
    note: 'You receive this because you are going to this event.',
  },
  lt: {
    subject: (title) => `${title}: organizatorių žinutė`,
    intro: (author, title, when) => `${author}, renginio „${title}“ (${when}) organizatorius, parašė visiems dalyvaujantiems:`,
    open: 'Atidaryti žinutę',
    note: 'Šį laišką gavote, nes dalyvaujate šiame renginyje.',
  },
};

/** To everyone going, when the organisers post to the attendees and ask for a mail; non-essential (announcements). */
export const eventAnnouncementMail = defineTemplate<EventAnnouncementMail>({
  essential: false,
  render: ({ event, authorName, body, openPath }, ctx) => ({
    subject: t[ctx.language].subject(event.title),
    blocks: [
      { type: 'p', text: t[ctx.language].intro(authorName, event.title, ctx.dateTime(event.start, event.timeZone)) },
      { type: 'markdown', source: body },
      { type: 'button', label: t[ctx.language].open, href: openPath },
      { type: 'note', text: t[ctx.language].note },
    ],
  }),
});
