import { defineTemplate, type Texts } from '../render/blocks';

export interface GroupJoinRequestedMail {
  groupName: string;
  groupId: string;
  requesterName: string;
  organisationName: string | null;
  message: string | null;
}

export interface GroupJoinDecidedMail {
  groupName: string;
  groupId: string;
  approved: boolean;
  reason: string | null;
}

export interface GroupAnnouncementMail {
  groupName: string;
  groupId: string;
  authorName: string;
  /** Markdown, mention tokens already resolved to names */
  body: string;
  /** app path of the link that acknowledges (signed, works without signing in) */
  ackPath: string;
}

const requested: Texts<{
  subject: (n: string, g: string) => string;
  intro: (n: string, o: string | null, g: string) => string;
  review: string;
}> = {
  en: {
    subject: (n, g) => `${n} asks to join ${g}`,
    intro: (n, o, g) => `${n}${o ? ` (${o})` : ''} asks to join the working group ${g}, which you coordinate.`,
    review: 'Review the request',
  },
  lt: {
    subject: (n, g) => `${n} prašo priimti į grupę „${g}“`,
    intro: (n, o, g) => `${n}${o ? ` (${o})` : ''} prašo priimti į jūsų koordinuojamą darbo grupę „${g}“.`,
    review: 'Peržiūrėti prašymą',
  },
};

/** To the group's coordinators; non-essential. */
export const groupJoinRequestedMail = defineTemplate<GroupJoinRequestedMail>({
  essential: false,
  render(d, ctx) {
    const x = requested[ctx.language];
    return {
      subject: x.subject(d.requesterName, d.groupName),
      blocks: [
        { type: 'p', text: x.intro(d.requesterName, d.organisationName, d.groupName) },
        ...(d.message ? [{ type: 'quote' as const, text: d.message, by: d.requesterName }] : []),
        { type: 'button', label: x.review, href: `/groups/${d.groupId}/console` },
      ],
    };
  },
});

const decided: Texts<{
  subjectYes: (g: string) => string;
  subjectNo: (g: string) => string;
  yes: (g: string) => string;
  no: (g: string) => string;
  open: string;
}> = {
  en: {
    subjectYes: (g) => `Welcome to ${g}`,
    subjectNo: (g) => `Your request to join ${g} was declined`,
    yes: (g) => `Your request to join the working group ${g} was approved: its channels are now in your chat.`,
    no: (g) => `Your request to join the working group ${g} was declined.`,
    open: 'Open the group',
  },
  lt: {
    subjectYes: (g) => `Sveiki prisijungę prie grupės „${g}“`,
    subjectNo: (g) => `Jūsų prašymas prisijungti prie grupės „${g}“ atmestas`,
    yes: (g) => `Jūsų prašymas prisijungti prie darbo grupės „${g}“ patvirtintas: jos kanalai jau jūsų pokalbiuose.`,
    no: (g) => `Jūsų prašymas prisijungti prie darbo grupės „${g}“ atmestas.`,
    open: 'Atverti grupę',
  },
};

/** To the person who asked; non-essential. */
export const groupJoinDecidedMail = defineTemplate<GroupJoinDecidedMail>({
  essential: false,
  render(d, ctx) {
    const x = decided[ctx.language];
    return {
      subject: d.approved ? x.subjectYes(d.groupName) : x.subjectNo(d.groupName),
      blocks: [
        { type: 'p', text: d.approved ? x.yes(d.groupName) : x.no(d.groupName) },
        ...(d.reason ? [{ type: 'quote' as const, text: d.reason }] : []),
        { type: 'button', label: x.open, href: `/groups/${d.groupId}` },
      ],
    };
  },
});

const announced: Texts<{ subject: (g: string) => string; intro: (a: string, g: string) => string; ack: string; note: string }> = {
  en: {
    subject: (g) => `${g}: please acknowledge an announcement`,
    intro: (a, g) => `${a} posted an announcement in ${g} and asks every member to confirm reading it.`,
    ack: 'I have read it',
    note: 'The button records your acknowledgement at once; you do not need to sign in.',
  },
  lt: {
    subject: (g) => `${g}: patvirtinkite, kad perskaitėte pranešimą`,
    intro: (a, g) => `${a} paskelbė pranešimą grupėje „${g}“ ir prašo kiekvieno nario patvirtinti, kad jį perskaitė.`,
    ack: 'Perskaičiau',
    note: 'Mygtukas iš karto užregistruoja patvirtinimą; prisijungti nereikia.',
  },
};

/** To the group's members when an announcement asks for acknowledgement; non-essential. */
export const groupAnnouncementMail = defineTemplate<GroupAnnouncementMail>({
  essential: false,
  render(d, ctx) {
    const x = announced[ctx.language];
    return {
      subject: x.subject(d.groupName),
      blocks: [
        { type: 'p', text: x.intro(d.authorName, d.groupName) },
        { type: 'markdown', source: d.body },
        { type: 'button', label: x.ack, href: d.ackPath },
        { type: 'note', text: x.note },
      ],
    };
  },
});
