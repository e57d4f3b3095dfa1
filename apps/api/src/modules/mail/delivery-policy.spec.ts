import { afterFailure, classifySmtpError, GIVE_UP_AFTER_MS, retryDelayMs } from './delivery-policy';

describe('delivery policy', () => {
  it('treats 5xx answers as permanent and 4xx, refused connections and timeouts as temporary', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 5.1.1 No such user', code: 'EENVELOPE' })).toEqual({
      permanent: true,
      response: 'EENVELOPE: 550 5.1.1 No such user',
    });
    expect(classifySmtpError({ responseCode: 451, response: '451 4.3.0 Try again later' }).permanent).toBe(false);
    expect(classifySmtpError({ responseCode: 421, response: '421 Too many connections' }).permanent).toBe(false);
    expect(classifySmtpError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }))).toEqual({
      permanent: false,
      response: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525',
    });
    expect(classifySmtpError(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' })).permanent).toBe(false);
    expect(classifySmtpError(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' })).permanent).toBe(true);
  });

  it('backs off exponentially with jitter, capped at an hour', () => {
    expect(retryDelayMs(1, 30_000, 0.5)).toBe(30_000);
    expect(retryDelayMs(2, 30_000, 0.5)).toBe(60_000);
    expect(retryDelayMs(5, 30_000, 0.5)).toBe(480_000);
    expect(retryDelayMs(30, 30_000, 0.5)).toBe(3_600_000);
    expect(retryDelayMs(1, 30_000, 0)).toBe(27_000);
    expect(retryDelayMs(1, 30_000, 1)).toBe(33_000);
  });

  it('retries a temporary failure until 24 h after queueing, then fails keeping the answer', () => {
    const queued = new Date('2026-12-01T08:00:00Z');
    const giveUpAt = new Date(queued.getTime() + GIVE_UP_AFTER_MS);
    const temp = { permanent: false, response: '451 busy' };
    const early = afterFailure(temp, 1, giveUpAt, 30_000, new Date(queued.getTime() + 1000), 0.5);
    expect(early).toEqual({ state: 'queued', nextAttemptAt: new Date(queued.getTime() + 31_000), response: '451 busy' });
    const late = afterFailure(temp, 40, giveUpAt, 30_000, new Date(giveUpAt.getTime() - 60_000), 0.5);
    expect(late).toEqual({ state: 'failed', response: 'gave up after 40 attempts over 24 h; last: 451 busy' });
    expect(afterFailure({ permanent: true, response: '554 rejected' }, 1, giveUpAt, 30_000, queued)).toEqual({
      state: 'failed',
      response: '554 rejected',
    });
  });
});
