/** This device's IANA time zone (what the profile defaults to), or null when the browser does not say. */
export function browserTimeZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && zone.includes('/') ? zone : zone === 'UTC' ? 'UTC' : null;
  } catch {
    return null;
  }
}

/** Every IANA time zone the browser knows (for the time zone field), UTC included. */
export function timeZoneNames(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
