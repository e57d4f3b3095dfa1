/** Demo accounts seeded in demo mode (CONTRACT.md "Demo accounts"); all share one password. */
export const DEMO_PASSWORD = 'klasteris-demo';

export const DEMO = {
  admin: 'admin@klasteris.demo',
  coordinator: 'coordinator@klasteris.demo',
  member: 'member@klasteris.demo',
  member2: 'member2@klasteris.demo',
  orgAdmin: 'orgadmin@klasteris.demo',
  orgAdmin2: 'orgadmin2@klasteris.demo',
  /** Duomenų centras; a member of the "Shared data-centre operations" group. */
  jonas: 'jonas@klasteris.demo',
} as const;

/**
 * A short id unique to this test attempt (a retry re-evaluates the spec, so it gets a new one):
 * for names and e-mail addresses that must not collide with earlier attempts on the same server.
 */
export function runId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
}
