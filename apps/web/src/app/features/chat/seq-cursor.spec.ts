import { SeqCursor } from './chat-logic';

describe('SeqCursor — where a catch-up starts', () => {
  it('advances over seqs that arrive in order', () => {
    const c = new SeqCursor(3);
    c.see(4);
    c.see(5);
    expect(c.upTo).toBe(5);
  });

  it('holds back at a gap until the missing seq arrives, then jumps over what waited', () => {
    const c = new SeqCursor(3);
    c.see(5);
    c.see(6);
    expect(c.upTo).toBe(3);
    c.see(4);
    expect(c.upTo).toBe(6);
  });

  it('a complete page moves it past a gap, and what waited beyond the page still counts', () => {
    const c = new SeqCursor(3);
    c.see(5);
    c.see(9);
    c.complete(7); // a page held 4..7 (5 was already here)
    expect(c.upTo).toBe(7);
    c.see(8);
    expect(c.upTo).toBe(9);
  });

  it('ignores old and repeated seqs and never moves back', () => {
    const c = new SeqCursor(10);
    c.see(4);
    c.see(10);
    c.complete(8);
    expect(c.upTo).toBe(10);
  });
});
