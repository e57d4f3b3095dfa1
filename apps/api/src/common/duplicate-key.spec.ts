import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key';

describe('isDuplicateKeyError', () => {
  it('recognises MongoDB duplicate-key errors by code, by code name and by text', () => {
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
    expect(isDuplicateKeyError({ code: 11001 })).toBe(true);
    expect(isDuplicateKeyError({ code: 12582 })).toBe(true);
    expect(isDuplicateKeyError({ codeName: 'DuplicateKey' })).toBe(true);
    expect(isDuplicateKeyError(new Error('E11000 duplicate key error collection: t.c index: k_1 dup key: { k: 1 }'))).toBe(true);
    expect(isDuplicateKeyError(new MongoServerError({ message: 'E11000 duplicate key error', code: 11000 }))).toBe(true);
  });

  it('recognises a bulk write refused by a unique index, whether writeErrors is a list or one error', () => {
    // the driver's WriteError answers `code` from a getter on its prototype
    const writeError: unknown = Object.create({
      get code() {
        return 11000;
      },
    });
    expect(isDuplicateKeyError({ code: 65, writeErrors: [{ code: 2 }, { code: 11000 }] })).toBe(true);
    expect(isDuplicateKeyError({ writeErrors: { code: 11000 } })).toBe(true);
    expect(isDuplicateKeyError({ writeErrors: [writeError] })).toBe(true);
    const bulk = Object.create(MongoBulkWriteError.prototype) as MongoBulkWriteError;
    Object.defineProperty(bulk, 'writeErrors', { value: [writeError] });
    expect(isDuplicateKeyError(bulk)).toBe(true);
  });

  it('recognises FerretDB: E11000 on inserts, "UNIQUE constraint failed" (code 1) on updates', () => {
    expect(isDuplicateKeyError({ code: 11000, message: 'E11000 duplicate key error collection: klasteris.channels' })).toBe(true);
    expect(isDuplicateKeyError(Object.assign(new Error('UNIQUE constraint failed: channels.key'), { code: 1 }))).toBe(true);
    expect(isDuplicateKeyError({ code: 1, errmsg: 'constraint failed: UNIQUE constraint failed: index "k_1"' })).toBe(true);
  });

  it('looks through a wrapping error', () => {
    expect(isDuplicateKeyError(new Error('saving failed', { cause: { code: 11000 } }))).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isDuplicateKeyError(new Error('connection refused'))).toBe(false);
    expect(isDuplicateKeyError({ code: 1, message: 'InternalError' })).toBe(false);
    expect(isDuplicateKeyError({ code: 112, codeName: 'WriteConflict' })).toBe(false);
    expect(isDuplicateKeyError({ code: '11000' })).toBe(false);
    expect(isDuplicateKeyError({ writeErrors: [{ code: 121 }] })).toBe(false);
    expect(isDuplicateKeyError({ writeErrors: 'E' })).toBe(false);
    expect(isDuplicateKeyError(new Error('a', { cause: new Error('b') }))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError(undefined)).toBe(false);
    expect(isDuplicateKeyError('E11000')).toBe(false);
  });
});
