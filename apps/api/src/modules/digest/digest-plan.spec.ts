import { planDigest } from './digest-plan';

const at = (min: number): Date => new Date(Date.UTC(2026, 2, 10, 12, 0) + min * 60_000);
const D = 15 * 60_000;

describe('planDigest', () => {
  it('waits until the oldest unread item has stayed unread for the delay', () => {
    expect(planDigest({ now: at(10), delayMs: D, lastSentAt: null, quietEnd: null, items: [at(0)] })).toEqual({
      send: false,
      nextDueAt: at(15),
    });
    expect(planDigest({ now: at(15), delayMs: D, lastSentAt: null, quietEnd: null, items: [at(0)] })).toEqual({ send: true });
  });

  it('nothing unread (read on another device meanwhile): nothing to send, nothing to wait for', () => {
    expect(planDigest({ now: at(20), delayMs: D, lastSentAt: null, quietEnd: null, items: [] })).toEqual({ send: false, nextDueAt: null });
  });

  it('goes when the oldest item is ripe (the younger ones go with it)', () => {
    expect(planDigest({ now: at(16), delayMs: D, lastSentAt: null, quietEnd: null, items: [at(10), at(1), at(0)] })).toEqual({
      send: true,
    });
    expect(planDigest({ now: at(16), delayMs: D, lastSentAt: null, quietEnd: null, items: [at(10), at(2)] })).toEqual({
      send: false,
      nextDueAt: at(17),
    });
  });

  it('at most one digest per delay window, however much arrives', () => {
    expect(planDigest({ now: at(40), delayMs: D, lastSentAt: at(30), quietEnd: null, items: [at(0)] })).toEqual({
      send: false,
      nextDueAt: at(45),
    });
  });

  it('quiet hours defer the digest to their end', () => {
    expect(planDigest({ now: at(20), delayMs: D, lastSentAt: null, quietEnd: at(300), items: [at(0)] })).toEqual({
      send: false,
      nextDueAt: at(300),
    });
  });
});
