import type { Language } from '@klasteris/contracts';
import { DateTime } from 'luxon';

/** A text in every language the portal speaks; the notifications service picks each recipient's. */
export type InEveryLanguage = Record<Language, string>;

const LOCALE: Record<Language, string> = { en: 'en', lt: 'lt' };
/** the day and time as each language writes it (Lithuanian: ISO date, weekday in brackets) */
const DAY: Record<Language, string> = { en: 'ccc d LLL yyyy, HH:mm', lt: 'yyyy-MM-dd (ccc), HH:mm' };

/** "Tue 3 Mar 2026, 10:00–12:00 (Europe/Vilnius)" / "2026-03-03 (an), 10:00–12:00 (Europe/Vilnius)" in the zone of the resource. */
export function bookingTime(b: { start: Date; end: Date; timeZone: string }): InEveryLanguage {
  const one = (lang: Language): string => {
    const s = DateTime.fromJSDate(b.start, { zone: b.timeZone }).setLocale(LOCALE[lang]);
    const e = DateTime.fromJSDate(b.end, { zone: b.timeZone }).setLocale(LOCALE[lang]);
    const day = DAY[lang];
    return `${s.toFormat(day)}–${s.hasSame(e, 'day') ? e.toFormat('HH:mm') : e.toFormat(day)} (${b.timeZone})`;
  };
  return { en: one('en'), lt: one('lt') };
}

/** `a — b` in each language, where either side may already be in every language. */
export function joined(a: InEveryLanguage, b: string | InEveryLanguage): InEveryLanguage {
  const pick = (lang: Language): string => (typeof b === 'string' ? b : b[lang]);
  return { en: `${a.en} — ${pick('en')}`, lt: `${a.lt} — ${pick('lt')}` };
}

/** what came of a report, as its reporters are told */
const REPORT_OUTCOME: Record<'dismiss' | 'delete' | 'mute', InEveryLanguage> = {
  dismiss: { en: 'no action was needed', lt: 'veiksmų nereikėjo' },
  delete: { en: 'the message was removed', lt: 'žinutė pašalinta' },
  mute: { en: 'the message was removed and its author muted', lt: 'žinutė pašalinta, o jos autoriui laikinai uždrausta rašyti' },
};

/**
 * Every notification text the domain-event listeners write, in EN and LT, in one place.
 * (Names, titles and free text people typed are passed through as they are.)
 */
export const NotificationTexts = {
  cardAssigned: (p: { actor: string; card: string }): InEveryLanguage => ({
    en: `${p.actor} assigned you "${p.card}"`,
    lt: `${p.actor} priskyrė jums kortelę „${p.card}“`,
  }),
  chatMention: (p: { actor: string; channel: string; direct: boolean }): InEveryLanguage =>
    p.direct
      ? { en: `${p.actor} mentioned you in a direct message`, lt: `${p.actor} paminėjo jus asmeninėje žinutėje` }
      : { en: `${p.actor} mentioned you in #${p.channel}`, lt: `${p.actor} paminėjo jus kanale #${p.channel}` },
  cardMention: (p: { actor: string; card: string }): InEveryLanguage => ({
    en: `${p.actor} mentioned you on "${p.card}"`,
    lt: `${p.actor} paminėjo jus kortelėje „${p.card}“`,
  }),
  projectMemberAdded: (p: { actor: string; project: string }): InEveryLanguage => ({
    en: `${p.actor} added you to the project "${p.project}"`,
    lt: `${p.actor} įtraukė jus į projektą „${p.project}“`,
  }),
  bookingRequested: (p: { requester: string; resource: string; occurrences: number; afterOwner: boolean }): InEveryLanguage => ({
    en: `${p.requester} requests ${p.resource}${p.occurrences > 1 ? ` (${p.occurrences} occurrences)` : ''}${p.afterOwner ? ' (approved by the owner)' : ''}`,
    lt: `${p.requester} prašo rezervuoti „${p.resource}“${p.occurrences > 1 ? ` (${p.occurrences} kartai)` : ''}${p.afterOwner ? ' (savininkas patvirtino)' : ''}`,
  }),
  bookingApproved: (p: { resource: string }): InEveryLanguage => ({
    en: `${p.resource}: your booking is confirmed`,
    lt: `${p.resource}: jūsų rezervacija patvirtinta`,
  }),
  bookingRejected: (p: { resource: string }): InEveryLanguage => ({
    en: `${p.resource}: your request was declined`,
    lt: `${p.resource}: jūsų prašymas atmestas`,
  }),
  bookingCancelled: (p: { resource: string; occurrences: number }): InEveryLanguage => ({
    en: `${p.resource}: your booking was cancelled${p.occurrences > 1 ? ` (${p.occurrences} occurrences)` : ''}`,
    lt: `${p.resource}: jūsų rezervacija atšaukta${p.occurrences > 1 ? ` (${p.occurrences} kartai)` : ''}`,
  }),
  bookingWaitlistOffer: (p: { resource: string; holdMinutes: number }): InEveryLanguage => ({
    en: `${p.resource} is free: it is held for you for ${p.holdMinutes} minutes`,
    lt: `${p.resource} atsilaisvino: jums laikoma ${p.holdMinutes} min.`,
  }),
  groupJoinRequested: (p: { requester: string; group: string }): InEveryLanguage => ({
    en: `${p.requester} asks to join ${p.group}`,
    lt: `${p.requester} prašo priimti į grupę „${p.group}“`,
  }),
  groupJoinApproved: (p: { group: string }): InEveryLanguage => ({
    en: `Welcome to ${p.group}`,
    lt: `Sveiki prisijungę prie grupės „${p.group}“`,
  }),
  groupJoinDeclined: (p: { group: string }): InEveryLanguage => ({
    en: `Your request to join ${p.group} was declined`,
    lt: `Jūsų prašymas prisijungti prie grupės „${p.group}“ atmestas`,
  }),
  groupInvited: (p: { actor: string; group: string }): InEveryLanguage => ({
    en: `${p.actor} invites you to ${p.group}`,
    lt: `${p.actor} kviečia jus į grupę „${p.group}“`,
  }),
  groupBanned: (p: { group: string }): InEveryLanguage => ({
    en: `You were banned from ${p.group}`,
    lt: `Jums uždrausta dalyvauti grupėje „${p.group}“`,
  }),
  groupRemoved: (p: { group: string }): InEveryLanguage => ({
    en: `You were removed from ${p.group}`,
    lt: `Jus pašalino iš grupės „${p.group}“`,
  }),
  /** `until` is an ISO instant; written as UTC minutes */
  groupMuted: (p: { group: string; until: string }): InEveryLanguage => {
    const until = `${p.until.slice(0, 16).replace('T', ' ')} UTC`;
    return { en: `You cannot post in ${p.group} until ${until}`, lt: `Negalite rašyti grupėje „${p.group}“ iki ${until}` };
  },
  groupMessageReported: (p: { group: string }): InEveryLanguage => ({
    en: `A message in ${p.group} was reported`,
    lt: `Pranešta apie žinutę grupėje „${p.group}“`,
  }),
  groupReportResolved: (p: { group: string; action: 'dismiss' | 'delete' | 'mute' }): InEveryLanguage => {
    const outcome = REPORT_OUTCOME[p.action];
    return { en: `Your report in ${p.group}: ${outcome.en}`, lt: `Jūsų pranešimas grupėje „${p.group}“: ${outcome.lt}` };
  },
  groupAnnouncement: (p: { group: string }): InEveryLanguage => ({
    en: `${p.group}: please acknowledge an announcement`,
    lt: `${p.group}: patvirtinkite, kad perskaitėte pranešimą`,
  }),
  applicationSubmitted: (p: { organisation: string }): InEveryLanguage => ({
    en: `${p.organisation} applied for membership`,
    lt: `${p.organisation} pateikė narystės paraišką`,
  }),
  applicationApproved: (p: { organisation: string }): InEveryLanguage => ({
    en: `Welcome to the cluster: ${p.organisation} is now a member`,
    lt: `Sveiki atvykę į klasterį: ${p.organisation} dabar yra narė`,
  }),
  invitationAccepted: (p: { person: string; organisation: string }): InEveryLanguage => ({
    en: `${p.person} accepted your invitation to ${p.organisation}`,
    lt: `${p.person} priėmė jūsų kvietimą į ${p.organisation}`,
  }),
  registrationAwaitsApproval: (p: { person: string }): InEveryLanguage => ({
    en: `${p.person} registered and waits for approval`,
    lt: `${p.person} užsiregistravo ir laukia patvirtinimo`,
  }),
  eventAnnouncement: (p: { event: string; author: string }): InEveryLanguage => ({
    en: `${p.event}: ${p.author} wrote to the people going`,
    lt: `${p.event}: ${p.author} parašė dalyvaujantiems`,
  }),
} as const;
