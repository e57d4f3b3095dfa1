import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursors', () => {
  it('round-trips a position', () => {
    const pos = { k: 'duomenu centras', id: '0123456789abcdef01234567' };
    expect(decodeCursor(encodeCursor(pos))).toEqual(pos);
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    'bm9wZQ',
    encodeCursor({ k: 'x', id: 'not-an-object-id' }),
    Buffer.from('{"k":{"$gt":""},"id":"0123456789abcdef01234567"}').toString('base64url'),
  ])('rejects a forged or broken cursor %s with VALIDATION_FAILED', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('builds a page from limit + 1 rows', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `0123456789abcdef0123456${n}`, n }));
    const page = toPage(
      rows,
      2,
      (r) => r.n,
      (r) => r.n,
    );
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor ?? undefined)).toEqual({ k: 2, id: rows[1].id });
    expect(
      toPage(
        rows.slice(0, 2),
        2,
        (r) => r.n,
        (r) => r.n,
      ).nextCursor,
    ).toBeNull();
  });
});
