import { defineTemplate, type MailBlock, type MailContext, type Texts } from '../render/blocks';

/** What every booking mail shows (times in the resource's zone). */
export interface BookingMail {
  /** the app path of the booking, /infrastructure/bookings/<id> */
  path: string;
  resourceName: string;
  location: string | null;
  start: Date;
  end: Date;
  timeZone: string;
  purpose: string;
  requesterName: string;
  organisationName: string | null;
  units: number;
  /** the decision note or the cancellation reason */
  note: string | null;
}

export interface BookingRequestedMail extends BookingMail {
  /** occurrences of a recurring request (1 for a single booking) */
  occurrences: number;
  /** the approval queue, /infrastructure/approvals */
  approvalsPath: string;
}
export interface BookingCancelledMail extends BookingMail {
  /** who cancelled, when not the requester */
  byName: string | null;
  occurrences: number;
}
export interface BookingWaitlistOfferMail extends BookingMail {
  expiresAt: Date;
}
export interface BookingReminderMail extends BookingMail {
  /**
   * The resource asks for a check-in: the button is then "Check in" and opens the booking, marked,
   * with its check-in button (a link never checks in by itself: mail scanners open links).
   */
  checkIn: boolean;
}

interface Common {
  resource: string;
  when: string;
  purpose: string;
  by: string;
  units: string;
  location: string;
  open: string;
  ics: string;
}
const common: Texts<Common> = {
  en: {
    resource: 'Resource',
    when: 'When',
    purpose: 'Purpose',
    by: 'Requested by',
    units: 'Units',
    location: 'Location',
    open: 'Open the booking',
    ics: 'The attached invitation adds it to your calendar.',
  },
  lt: {
    resource: 'Išteklius',
    when: 'Laikas',
    purpose: 'Paskirtis',
    by: 'Užsakė',
    units: 'Vienetai',
    location: 'Vieta',
    open: 'Atverti rezervaciją',
    ics: 'Pridėtas kvietimas įtrauks ją į jūsų kalendorių.',
  },
};

const span = (d: BookingMail, ctx: MailContext): string => `${ctx.dateTime(d.start, d.timeZone)} – ${ctx.dateTime(d.end, d.timeZone)}`;

const facts = (d: BookingMail, ctx: MailContext): MailBlock => {
  const x = common[ctx.language];
  const rows: [string, string][] = [
    [x.resource, d.resourceName],
    [x.when, span(d, ctx)],
    [x.purpose, d.purpose],
    [x.by, d.organisationName ? `${d.requesterName} (${d.organisationName})` : d.requesterName],
  ];
  if (d.location) rows.splice(1, 0, [x.location, d.location]);
  if (d.units > 1) rows.push([x.units, String(d.units)]);
  return { type: 'facts', rows };
};

const noteBlocks = (label: string, note: string | null): MailBlock[] =>
  note
    ? [
        { type: 'p', text: label },
        { type: 'quote', text: note },
      ]
    : [];

const requested: Texts<{ subject: (d: BookingRequestedMail) => string; body: (d: BookingRequestedMail) => string; decide: string }> = {
  en: {
    subject: (d) => `Booking request: ${d.resourceName}, ${d.requesterName}`,
    body: (d) =>
      `${d.requesterName} asks to book ${d.resourceName}${d.occurrences > 1 ? ` (${d.occurrences} occurrences, the first below)` : ''}. The time is held until someone decides.`,
    decide: 'Approve or decline',
  },
  lt: {
    subject: (d) => `Rezervacijos prašymas: ${d.resourceName}, ${d.requesterName}`,
    body: (d) =>
      `${d.requesterName} prašo rezervuoti „${d.resourceName}“${d.occurrences > 1 ? ` (${d.occurrences} kartai, pirmasis – žemiau)` : ''}. Laikas laikomas, kol kas nors nuspręs.`,
    decide: 'Patvirtinti arba atmesti',
  },
};

export const bookingRequestedMail = defineTemplate<BookingRequestedMail>({
  essential: false,
  render(d, ctx) {
    const x = requested[ctx.language];
    return {
      subject: x.subject(d),
      preheader: x.body(d),
      blocks: [{ type: 'p', text: x.body(d) }, facts(d, ctx), { type: 'button', label: x.decide, href: d.approvalsPath }],
    };
  },
});

const approved: Texts<{ subject: (r: string) => string; body: (r: string) => string; note: string }> = {
  en: {
    subject: (r) => `Booking confirmed: ${r}`,
    body: (r) => `Your booking of ${r} is approved and confirmed.`,
    note: 'A note from the approver:',
  },
  lt: {
    subject: (r) => `Rezervacija patvirtinta: ${r}`,
    body: (r) => `Jūsų „${r}“ rezervacija patvirtinta.`,
    note: 'Tvirtintojo pastaba:',
  },
};

export const bookingApprovedMail = defineTemplate<BookingMail>({
  essential: false,
  render(d, ctx) {
    const x = approved[ctx.language];
    const c = common[ctx.language];
    return {
      subject: x.subject(d.resourceName),
      preheader: `${x.body(d.resourceName)} ${span(d, ctx)}`,
      blocks: [
        { type: 'p', text: x.body(d.resourceName) },
        facts(d, ctx),
        ...noteBlocks(x.note, d.note),
        { type: 'button', label: c.open, href: d.path },
        { type: 'note', text: c.ics },
      ],
    };
  },
});

const rejected: Texts<{ subject: (r: string) => string; body: (r: string) => string; reason: string; again: string }> = {
  en: {
    subject: (r) => `Booking declined: ${r}`,
    body: (r) => `Your request to book ${r} was declined, and the time is free again.`,
    reason: 'The reason given:',
    again: 'Find another time',
  },
  lt: {
    subject: (r) => `Rezervacija atmesta: ${r}`,
    body: (r) => `Jūsų prašymas rezervuoti „${r}“ atmestas, laikas vėl laisvas.`,
    reason: 'Nurodyta priežastis:',
    again: 'Rasti kitą laiką',
  },
};

export const bookingRejectedMail = defineTemplate<BookingMail>({
  essential: false,
  render(d, ctx) {
    const x = rejected[ctx.language];
    return {
      subject: x.subject(d.resourceName),
      blocks: [
        { type: 'p', text: x.body(d.resourceName) },
        facts(d, ctx),
        ...noteBlocks(x.reason, d.note),
        { type: 'button', label: x.again, href: '/infrastructure' },
      ],
    };
  },
});

const cancelled: Texts<{ subject: (r: string) => string; body: (d: BookingCancelledMail) => string; reason: string; ics: string }> = {
  en: {
    subject: (r) => `Booking cancelled: ${r}`,
    body: (d) =>
      `${d.byName ? `${d.byName} cancelled your booking` : 'Your booking'} of ${d.resourceName}${d.byName ? '' : ' is cancelled'}${d.occurrences > 1 ? ` (${d.occurrences} occurrences)` : ''}.`,
    reason: 'The reason given:',
    ics: 'The attached cancellation removes it from your calendar.',
  },
  lt: {
    subject: (r) => `Rezervacija atšaukta: ${r}`,
    body: (d) =>
      `${d.byName ? `${d.byName} atšaukė jūsų` : 'Jūsų'} „${d.resourceName}“ rezervacij${d.byName ? 'ą' : 'a atšaukta'}${d.occurrences > 1 ? ` (${d.occurrences} kartai)` : ''}.`,
    reason: 'Nurodyta priežastis:',
    ics: 'Pridėtas atšaukimas pašalins ją iš jūsų kalendoriaus.',
  },
};

export const bookingCancelledMail = defineTemplate<BookingCancelledMail>({
  essential: false,
  render(d, ctx) {
    const x = cancelled[ctx.language];
    return {
      subject: x.subject(d.resourceName),
      blocks: [{ type: 'p', text: x.body(d) }, facts(d, ctx), ...noteBlocks(x.reason, d.note), { type: 'note', text: x.ics }],
    };
  },
});

const offer: Texts<{ subject: (r: string) => string; body: (r: string, until: string) => string; take: string; lapse: string }> = {
  en: {
    subject: (r) => `${r} is free for the time you wanted`,
    body: (r, until) =>
      `The time you were waiting for at ${r} came free. It is held for you until ${until}: take it before then, or it goes to the next person in line.`,
    take: 'Take the booking',
    lapse: 'If you no longer need it, do nothing: the hold lapses on its own.',
  },
  lt: {
    subject: (r) => `„${r}“ atsilaisvino jūsų norimu laiku`,
    body: (r, until) =>
      `Laikas, kurio laukėte („${r}“), atsilaisvino. Jis laikomas jums iki ${until}: patvirtinkite iki tol, kitaip jis atiteks kitam eilėje.`,
    take: 'Užimti laiką',
    lapse: 'Jei jo nebereikia, nieko nedarykite: laikymas baigsis savaime.',
  },
};

export const bookingWaitlistOfferMail = defineTemplate<BookingWaitlistOfferMail>({
  essential: false,
  render(d, ctx) {
    const x = offer[ctx.language];
    const until = ctx.dateTime(d.expiresAt, d.timeZone);
    return {
      subject: x.subject(d.resourceName),
      preheader: x.body(d.resourceName, until),
      blocks: [
        { type: 'p', text: x.body(d.resourceName, until) },
        facts(d, ctx),
        { type: 'button', label: x.take, href: d.path },
        { type: 'note', text: x.lapse },
      ],
    };
  },
});

const reminder: Texts<{
  subject: (r: string, at: string) => string;
  body: (r: string, at: string) => string;
  checkIn: string;
  checkInNote: string;
}> = {
  en: {
    subject: (r, at) => `Reminder: ${r} at ${at}`,
    body: (r, at) => `Your booking of ${r} starts at ${at}.`,
    checkIn: 'Check in',
    checkInNote:
      'This resource asks you to check in: from 15 minutes before the start until the end. A booking nobody checks in to counts as a no-show.',
  },
  lt: {
    subject: (r, at) => `Priminimas: „${r}“ ${at}`,
    body: (r, at) => `Jūsų „${r}“ rezervacija prasideda ${at}.`,
    checkIn: 'Pažymėti atvykimą',
    checkInNote:
      'Šiame ištekliuje reikia pažymėti atvykimą: nuo 15 minučių iki pradžios iki pabaigos. Nepažymėta rezervacija laikoma neatvykimu.',
  },
};

export const bookingReminderMail = defineTemplate<BookingReminderMail>({
  essential: false,
  render(d, ctx) {
    const x = reminder[ctx.language];
    const at = ctx.dateTime(d.start, d.timeZone);
    return {
      subject: x.subject(d.resourceName, at),
      preheader: x.body(d.resourceName, at),
      blocks: [
        { type: 'p', text: x.body(d.resourceName, at) },
        facts(d, ctx),
        { type: 'button', label: d.checkIn ? x.checkIn : common[ctx.language].open, href: d.path },
        ...(d.checkIn ? [{ type: 'note' as const, text: x.checkInNote }] : []),
      ],
    };
  },
});
