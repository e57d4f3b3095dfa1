import { renewalDelay } from './socket-renewal';

describe('renewalDelay', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  it('renews a 15-minute token a minute before it expires', () => {
    expect(renewalDelay(at(15 * 60_000), now)).toBe(14 * 60_000);
  });

  it('renews a short token when four fifths of its life are over', () => {
    expect(renewalDelay(at(60_000), now)).toBe(48_000);
  });

  it('waits at least a second, also for a token already expired (clock skew)', () => {
    expect(renewalDelay(at(500), now)).toBe(1000);
    expect(renewalDelay(at(-30_000), now)).toBe(1000);
  });

  it('gives up on something that is not a time', () => {
    expect(renewalDelay('not a date', now)).toBeNull();
  });
});
