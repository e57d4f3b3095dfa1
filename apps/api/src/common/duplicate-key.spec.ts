import { isDuplicateKeyError } from './duplicate-key';

describe('isDuplicateKeyError', () => {
  it('recognises MongoDB and FerretDB unique violations', () => {
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
    expect(isDuplicateKeyError({ code: 65, writeErrors: [{ code: 11000 }] })).toBe(true);
    expect(isDuplicateKeyError(Object.assign(new Error('UNIQUE constraint failed: channels.key'), { code: 1 }))).toBe(true);
  });
  it('leaves other errors alone', () => {
    expect(isDuplicateKeyError(new Error('connection refused'))).toBe(false);
    expect(isDuplicateKeyError({ code: 1 })).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});
