import type { PublicEvent } from '@klasteris/contracts';

/** Intl locale of a UI language. */
export const localeOf = (lang: string): string => (lang === 'lt' ? 'lt-LT' : 'en-GB');

const sameDay = (a: Date, b: Date, zone: string): boolean => {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(a) === f.format(b);
};

/**
 * When an event takes place, in a zone (the event's own by default), e.g. "Tue 10 Mar 2026, 10:00–13:00"
 * or "10 Mar, 10:00 – 12 Mar 2026, 17:00". Plain Intl: no date library in the visitor's first chunk.
 */
export function whenLabel(startIso: string, endIso: string, zone: string, lang: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const locale = localeOf(lang);
  // Lithuanian has no short month names in Intl (it writes 12-24): the long genitive reads well
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: lang === 'lt' ? 'long' : 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (sameDay(start, new Date(end.getTime() - 1), zone)) return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** The zone's offset at an instant, e.g. "GMT+4" / "UTC+4" as the locale writes it. */
export function offsetLabel(iso: string, zone: string, lang: string): string {
  const parts = new Intl.DateTimeFormat(localeOf(lang), { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

const LT_MONTHS = ['saus.', 'vas.', 'kov.', 'bal.', 'geg.', 'birž.', 'liep.', 'rugp.', 'rugs.', 'spal.', 'lapkr.', 'gruod.'];

/** Day and month badge for lists: { day: "10", month: "Mar" } in the event's zone. */
export function dateBadge(iso: string, zone: string, lang: string): { day: string; month: string } {
  const d = new Date(iso);
  const locale = localeOf(lang);
  return {
    day: new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric' }).format(d),
    month:
      lang === 'lt'
        ? (LT_MONTHS[Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: 'numeric' }).format(d)) - 1] ?? '')
        : new Intl.DateTimeFormat(locale, { timeZone: zone, month: 'short' }).format(d),
  };
}

/** The viewer's own zone (the browser's). */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether the event is in a zone whose clock differs from the viewer's at its start. */
export function differsFromViewer(e: Pick<PublicEvent, 'start' | 'timeZone'>, zone = viewerZone()): boolean {
  const f = (z: string): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: z, hour: '2-digit', minute: '2-digit', day: '2-digit', hourCycle: 'h23' }).format(
      new Date(e.start),
    );
  return f(e.timeZone) !== f(zone);
}

/** One line for the venue: a room's name, "City, country code" or null for online (the page says "Online"). */
export function venueText(v: PublicEvent['venue'], countryName: (code: string) => string): string | null {
  switch (v.kind) {
    case 'resource':
      return v.name;
    case 'address':
      return [v.address, v.city, countryName(v.country)].filter(Boolean).join(', ');
    case 'online':
      return null;
  }
}
