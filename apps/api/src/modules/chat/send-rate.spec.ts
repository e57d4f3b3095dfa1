import { SendRateLimiter } from './send-rate';

describe('SendRateLimiter', () => {
  it('allows a burst, then asks to wait until a token refills', () => {
    let now = 0;
    const rl = new SendRateLimiter(3, 2, () => now);
    expect([rl.take('u'), rl.take('u'), rl.take('u')]).toEqual([0, 0, 0]);
    expect(rl.take('u')).toBeCloseTo(0.5);
    now += 500;
    expect(rl.take('u')).toBe(0);
    expect(rl.take('u')).toBeGreaterThan(0);
  });
  it('keeps users apart and never stores more than the burst', () => {
    let now = 0;
    const rl = new SendRateLimiter(2, 1, () => now);
    rl.take('a');
    rl.take('a');
    expect(rl.take('b')).toBe(0);
    now += 60_000;
    expect([rl.take('a'), rl.take('a'), rl.take('a') > 0]).toEqual([0, 0, true]);
  });
});
