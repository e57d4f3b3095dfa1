import { confirmState } from './confirm-registration.page';

const reg = (status: 'going' | 'waitlisted', position?: number) => ({ id: 'r', eventId: 'e', status, ...(position ? { position } : {}) });

describe('the confirm page state for the API answer', () => {
  it('a hold taken up is confirmed; a second click says it already was', () => {
    expect(confirmState({ registration: reg('going'), outcome: 'confirmed' })).toBe('confirmed');
    expect(confirmState({ registration: reg('going'), outcome: 'already_confirmed' })).toBe('already');
  });

  it('a hold that ended: a place still free, or back in line (also when the person was already waiting)', () => {
    expect(confirmState({ registration: reg('going'), outcome: 'expired' })).toBe('expiredGoing');
    expect(confirmState({ registration: reg('waitlisted', 2), outcome: 'expired' })).toBe('expiredWaiting');
    expect(confirmState({ registration: reg('waitlisted', 1), outcome: 'already_confirmed' })).toBe('expiredWaiting');
  });
});
