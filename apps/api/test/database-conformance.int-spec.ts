import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection, Db, Double, Long, MongoClient, ObjectId } from 'mongodb';
import { isDuplicateKeyError } from '../src/common/duplicate-key';
import { EmbeddedFerretDb } from '../src/database/embedded-ferretdb';

/**
 * The database behaviours the app relies on, pinned once, on every database it runs on: the
 * embedded FerretDB build (tools/ferretdb) and, when MONGODB_URI names one, that database too
 * (MongoDB). Each check must hold on both exactly alike:
 *
 * - single-document atomicity: counters (`$inc`, the chat seq), one winner of a compare-and-set on
 *   a state or version (bookings, cards, applications), conditional decrements (event places);
 *   stock FerretDB 1.24 fails all of them (12 of 100 `$inc`s kept; 12 winners of 50) — our build
 *   serialises writes (tools/ferretdb/patches/01-serialise-writes.diff);
 * - unique indexes: one insert of a key wins, and every refusal — insert, bulk insert, update,
 *   findOneAndUpdate — is recognised by common/duplicate-key.ts;
 * - the query rules: our build answers filters from SQLite indexes (02-filter-pushdown.diff) and
 *   decodes stored documents itself (04-one-pass-decoding.diff); results must be MongoDB's.
 */

/** How many writes race at once: as many as the client opens connections. */
const RACERS = 100;
/** Rounds of the races whose loss is a matter of timing. */
const ROUNDS = 8;

interface Target {
  name: string;
  /** The URI, or null: start an embedded FerretDB of our own for the suite. */
  uri: string | null;
}

const runUri = process.env['MONGODB_URI'];
const runIsEmbedded = process.env['KLASTERIS_TEST_DB'] === 'embedded';
const external: Target | null = runUri && !runIsEmbedded ? { name: 'the database at MONGODB_URI', uri: runUri } : null;
const targets: Target[] = [
  { name: 'the embedded FerretDB build', uri: runIsEmbedded ? (runUri ?? null) : null },
  ...(external ? [external] : []),
];

// Skipped on purpose when there is no MongoDB to compare with (none can be installed on the CI
// machines): the same suite runs on the embedded build above, and on MongoDB as soon as MONGODB_URI
// names one. The skipped entry keeps that gap visible in every report instead of hiding it.
if (!external) {
  describe('database conformance on MongoDB', () => {
    it.skip('is skipped: MONGODB_URI is unset, so these checks ran on the embedded FerretDB only (set MONGODB_URI=mongodb://… to run them on MongoDB too)', () =>
      undefined);
  });
}

describe.each(targets)('database conformance on $name', (target) => {
  let own: { db: EmbeddedFerretDb; dir: string } | null = null;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    let uri = target.uri;
    if (!uri) {
      const dir = mkdtempSync(join(tmpdir(), 'klasteris-conformance-'));
      own = { db: new EmbeddedFerretDb({ dataDir: dir, binary: process.env['FERRETDB_BIN'] ?? null }), dir };
      uri = await own.db.start();
    }
    client = await MongoClient.connect(uri, { maxPoolSize: RACERS });
    db = client.db(`klasteris_conformance_${Date.now()}`);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    if (own) {
      await own.db.stop();
      rmSync(own.dir, { recursive: true, force: true });
    }
  });

  const race = <T>(n: number, write: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, (_, i) => write(i)));

  describe('single-document atomicity', () => {
    it(`keeps every one of ${RACERS} concurrent $inc`, async () => {
      const col = db.collection<{ _id: string; n: number }>('counters');
      await col.insertOne({ _id: 'c', n: 0 });
      await race(RACERS, () => col.updateOne({ _id: 'c' }, { $inc: { n: 1 } }));
      expect((await col.findOne({ _id: 'c' }))?.n).toBe(RACERS);
    });

    it(`hands out ${RACERS} distinct values from one counter (findOneAndUpdate $inc, as chat seqs are reserved)`, async () => {
      const col = db.collection<{ _id: string; seq: number }>('counters');
      await col.insertOne({ _id: 'seq', seq: 0 });
      const got = await race(RACERS, () => col.findOneAndUpdate({ _id: 'seq' }, { $inc: { seq: 1 } }, { returnDocument: 'after' }));
      expect(got.map((d) => d?.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: RACERS }, (_, i) => i + 1));
    });

    // A lost race is a matter of timing: each round is a fresh document, and every round must hold.
    it('lets exactly one of 50 concurrent compare-and-set updates win (a state in the filter), round after round', async () => {
      const col = db.collection<{ _id: string; state: number; winner?: number }>('cas');
      for (let round = 0; round < ROUNDS; round++) {
        const _id = `x${round}`;
        await col.insertOne({ _id, state: 0 });
        const res = await race(50, (i) => col.updateOne({ _id, state: 0 }, { $set: { state: 1, winner: i } }));
        const winners = res.map((r, i) => (r.modifiedCount === 1 ? i : -1)).filter((i) => i >= 0);
        expect(winners).toHaveLength(1);
        expect(await col.findOne({ _id })).toEqual({ _id, state: 1, winner: winners[0] });
      }
    });

    it('lets exactly one of 50 concurrent version-checked findOneAndUpdate win (as card edits do), round after round', async () => {
      const col = db.collection<{ _id: string; version: number; title: string }>('cas');
      for (let round = 0; round < ROUNDS; round++) {
        const _id = `card${round}`;
        await col.insertOne({ _id, version: 1, title: 'start' });
        const res = await race(50, (i) =>
          col.findOneAndUpdate({ _id, version: 1 }, { $set: { title: `edit ${i}` }, $inc: { version: 1 } }, { returnDocument: 'after' }),
        );
        const won = res.filter((r) => r !== null);
        expect(won).toHaveLength(1);
        expect(await col.findOne({ _id })).toEqual(won[0]);
        expect(won[0]?.version).toBe(2);
      }
    });

    it('takes no more places than there are under 60 concurrent conditional decrements (as event RSVPs do)', async () => {
      const col = db.collection<{ _id: string; free: number; going: number }>('places');
      await col.insertOne({ _id: 'e', free: 10, going: 0 });
      const res = await race(60, () => col.updateOne({ _id: 'e', free: { $gt: 0 } }, { $inc: { free: -1, going: 1 } }));
      expect(res.filter((r) => r.modifiedCount === 1)).toHaveLength(10);
      expect(await col.findOne({ _id: 'e' })).toEqual({ _id: 'e', free: 0, going: 10 });
    });

    it('deletes a document once under 30 concurrent conditional deletes (as leases are released), round after round', async () => {
      const col = db.collection<{ _id: string; holder: string }>('leases');
      for (let round = 0; round < ROUNDS; round++) {
        await col.insertOne({ _id: `l${round}`, holder: 'a' });
        const res = await race(30, () => col.deleteOne({ _id: `l${round}`, holder: 'a' }));
        expect(res.reduce((sum, r) => sum + r.deletedCount, 0)).toBe(1);
      }
    });

    it('counts every one of 40 concurrent upserts of a counter that does not exist yet (as login throttling does)', async () => {
      const col = db.collection<{ _id: string; count: number; firstAt?: Date }>('upserts');
      await race(40, () =>
        col.findOneAndUpdate(
          { _id: 'k' },
          { $inc: { count: 1 }, $setOnInsert: { firstAt: new Date() } },
          { upsert: true, returnDocument: 'after' },
        ),
      );
      expect(await col.countDocuments({})).toBe(1);
      expect((await col.findOne({ _id: 'k' }))?.count).toBe(40);
    });
  });

  describe('unique indexes', () => {
    let col: Collection<{ key: string; n?: number }>;
    let claims: Collection<{ booking: string; slot: number; unit: number }>;

    beforeAll(async () => {
      col = db.collection('unique');
      await col.createIndex({ key: 1 }, { unique: true });
      claims = db.collection('claims');
      await claims.createIndex({ slot: 1, unit: 1 }, { unique: true });
    });

    it('lets one of 30 concurrent inserts of one key win; every other is refused as a duplicate key', async () => {
      const res = await race(30, (i) =>
        col.insertOne({ key: 'one', n: i }).then(
          () => 'stored',
          (err: unknown) => err,
        ),
      );
      expect(res.filter((r) => r === 'stored')).toHaveLength(1);
      expect(res.filter((r) => r !== 'stored').every((err) => isDuplicateKeyError(err))).toBe(true);
      expect(await col.countDocuments({ key: 'one' })).toBe(1);
    });

    it('refuses an update that would break the index, recognisably (FerretDB answers these differently from inserts)', async () => {
      await col.insertMany([{ key: 'a' }, { key: 'b' }]);
      const viaUpdate = await col.updateOne({ key: 'b' }, { $set: { key: 'a' } }).catch((err: unknown) => err);
      expect(isDuplicateKeyError(viaUpdate)).toBe(true);
      const viaFindAndModify = await col.findOneAndUpdate({ key: 'b' }, { $set: { key: 'a' } }).catch((err: unknown) => err);
      expect(isDuplicateKeyError(viaFindAndModify)).toBe(true);
      expect((await col.find({ key: { $in: ['a', 'b'] } }).toArray()).map((d) => d.key).sort()).toEqual(['a', 'b']);
    });

    it('stops an ordered bulk insert at the first duplicate, keeping those before it (as slot claims are taken)', async () => {
      await claims.insertOne({ booking: 'first', slot: 1, unit: 0 });
      const rows = [
        { slot: 2, unit: 0 },
        { slot: 2, unit: 1 },
        { slot: 1, unit: 0 },
        { slot: 3, unit: 0 },
      ].map((r) => ({ booking: 'second', ...r }));
      const err = await claims.insertMany(rows, { ordered: true }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDuplicateKeyError(err)).toBe(true);
      expect((await claims.find({ booking: 'second' }).toArray()).map((d) => [d.slot, d.unit])).toEqual([
        [2, 0],
        [2, 1],
      ]);
    });

    it('lets one of 20 bookings racing for the same slots hold them all (claims as ordered bulk inserts)', async () => {
      const slots = [10, 11, 12, 13].map((slot) => ({ slot, unit: 0 }));
      const res = await race(20, (i) =>
        claims
          .insertMany(
            slots.map((s) => ({ booking: `b${i}`, ...s })),
            { ordered: true },
          )
          .then(
            () => 'held',
            (err: unknown) => err,
          ),
      );
      expect(res.filter((r) => r === 'held')).toHaveLength(1);
      expect(res.filter((r) => r !== 'held').every((err) => isDuplicateKeyError(err))).toBe(true);
      const holders = new Set((await claims.find({ slot: { $gte: 10, $lte: 13 } }).toArray()).map((d) => d.booking));
      expect(holders.size).toBe(1);
    });
  });

  describe('query rules', () => {
    let col: Collection;
    const channels = [new ObjectId(), new ObjectId(), new ObjectId()];

    beforeAll(async () => {
      col = db.collection('docs');
      await col.createIndex({ channelId: 1, seq: 1 }, { unique: true });
      await col.createIndex({ tags: 1 });
      await col.createIndex({ owner: 1 });
      const docs = [];
      for (let seq = 0; seq < 90; seq++) {
        docs.push({
          channelId: channels[seq % 3],
          seq,
          // strings with quotes, escapes, non-ASCII and HTML-ish characters
          owner: seq % 2 === 0 ? 'Eglė "Ž" <a&b>\n' : 'plain',
          tags: seq % 5 === 0 ? ['gpu', 'rack'] : seq % 5 === 1 ? 'gpu' : 'lab',
          ref: seq % 4 === 0 ? channels[0] : channels[0].toHexString(),
          maybe: seq % 3 === 0 ? null : 'x',
        });
      }
      await col.insertMany(docs);
    });

    it('matches an ObjectId field by equality and by $in, combined with other conditions', async () => {
      expect(await col.countDocuments({ channelId: channels[1] })).toBe(30);
      expect(await col.countDocuments({ channelId: { $in: [channels[0], channels[2]] } })).toBe(60);
      const page = await col
        .find({ channelId: channels[2], seq: { $lt: 50 } })
        .sort({ seq: -1 })
        .limit(3)
        .toArray();
      expect(page.map((d) => d['seq'])).toEqual([47, 44, 41]);
    });

    it('matches array elements by equality and $in, as well as scalar values', async () => {
      expect(await col.countDocuments({ tags: 'gpu' })).toBe(36); // 18 arrays + 18 scalars
      expect(await col.countDocuments({ tags: 'rack' })).toBe(18);
      expect(await col.countDocuments({ tags: { $in: ['rack', 'lab'] } })).toBe(72);
    });

    it('compares strings byte for byte, escapes and non-ASCII included', async () => {
      expect(await col.countDocuments({ owner: 'Eglė "Ž" <a&b>\n' })).toBe(45);
      expect(await col.countDocuments({ owner: 'Egle "Z" <a&b>\n' })).toBe(0);
      expect(await col.countDocuments({ owner: 'PLAIN' })).toBe(0);
    });

    it('keeps an ObjectId and its hex string distinct', async () => {
      expect(await col.countDocuments({ ref: channels[0] })).toBe(23);
      expect(await col.countDocuments({ ref: channels[0].toHexString() })).toBe(67);
    });

    it('matches by _id alone, in a list, and together with other fields', async () => {
      const all = await col.find({}, { projection: { _id: 1, channelId: 1 } }).toArray();
      expect(await col.countDocuments({ _id: all[7]!._id })).toBe(1);
      expect(await col.countDocuments({ _id: { $in: all.slice(0, 12).map((d) => d._id) } })).toBe(12);
      expect(await col.countDocuments({ _id: all[7]!._id, channelId: all[7]!['channelId'] as ObjectId })).toBe(1);
      expect(await col.countDocuments({ _id: all[7]!._id, channelId: new ObjectId() })).toBe(0);
    });

    it('compares numbers of every type by value, and ranges only against numbers or array elements', async () => {
      const nums = db.collection('numbers');
      await nums.insertMany([
        { n: 5 },
        { n: new Double(5) },
        { n: Long.fromNumber(5) },
        { n: 5.5 },
        { n: new Double(-0) },
        { n: '5' },
        { n: [1, 9] },
        { n: true },
        { n: new Date(5) },
        { other: 1 },
      ]);
      expect(await nums.countDocuments({ n: 5 })).toBe(3);
      expect(await nums.countDocuments({ n: 0 })).toBe(1);
      expect(await nums.countDocuments({ n: { $gt: 5 } })).toBe(2); // 5.5 and the array's 9
      // the array matches too: 9 satisfies $gte and 1 satisfies $lt (MongoDB's rule for arrays)
      expect(await nums.countDocuments({ n: { $gte: 5, $lt: 6 } })).toBe(5);
      expect(await nums.countDocuments({ n: { $lte: 1 } })).toBe(2); // -0 and the array's 1
      expect(await col.countDocuments({ channelId: channels[0], seq: { $gt: 10, $lte: 30 } })).toBe(7);
      expect(await col.countDocuments({ channelId: channels[0], seq: 30 })).toBe(1);
    });

    it('combines conditions under $or and $and, an unindexed or unknown branch included', async () => {
      const [a, b] = [channels[0], channels[1]];
      // seq % 3 === 0 in a, seq % 3 === 1 in b
      expect(
        await col.countDocuments({
          $or: [
            { channelId: a, seq: { $gt: 10, $lte: 20 } },
            { channelId: b, seq: 4 },
          ],
        }),
      ).toBe(4);
      expect(
        await col.countDocuments({
          channelId: { $in: [a, b] },
          $or: [
            { channelId: a, seq: { $lt: 6 } },
            { channelId: b, seq: { $gte: 85 } },
          ],
        }),
      ).toBe(4);
      // a branch on a field without an index, and one with an operator we do not push down
      expect(await col.countDocuments({ $or: [{ channelId: a, seq: 3 }, { maybe: null }] })).toBe(30);
      expect(await col.countDocuments({ $or: [{ seq: 1 }, { seq: { $ne: 1 }, tags: 'rack' }] })).toBe(19);
      // arrays still match by element inside a branch
      expect(await col.countDocuments({ $or: [{ tags: 'rack' }, { channelId: b, seq: 1 }] })).toBe(19);
      expect(await col.countDocuments({ $and: [{ channelId: a }, { $or: [{ seq: 0 }, { seq: 3 }] }, { owner: 'plain' }] })).toBe(1);
    });

    it('reads back every kind of value exactly as written (the embedded build decodes stored documents itself)', async () => {
      const docs = db.collection('values');
      const tricky = [
        '',
        'plain',
        'quote " and backslash \\ and slash /',
        'tab\tnew line\ncarriage\r',
        '\u0000\u0001\u001f control',
        'Eglė Žąsinaitė — “Vilnius”',
        '漢字 и кириллица',
        '😀 emoji \ud83c\udf89',
        '<script>&amp;</script>',
        '\\u0041 not an escape',
        '{"not":"json"}',
        '[1,2]',
        'null',
        'true',
        '-0',
        '0123',
      ];
      const written = {
        _id: new ObjectId(),
        strings: tricky,
        byKey: Object.fromEntries(tricky.filter((k) => k && !k.includes('\u0000')).map((k, i) => [k.replace(/[.$]/g, '_'), i])),
        numbers: {
          int: 2147483647,
          negInt: -2147483648,
          long: Long.fromString('9007199254740993'),
          double: new Double(1.5),
          wholeDouble: new Double(3),
          tiny: 5e-324,
          big: 1.7976931348623157e308,
        },
        flags: [true, false, null],
        nested: { a: { b: { c: [{}, { d: 'deep "x"', e: [1, 'two'] }, ''] } } }, // no arrays in arrays: FerretDB 1.x refuses them
        empty: { object: {}, array: [], string: '' },
        when: new Date('2026-03-29T00:59:59.999Z'),
      };
      await docs.insertOne(written);
      const back = await docs.findOne({ _id: written._id });
      expect({ ...back, numbers: null }).toEqual({ ...written, numbers: null });
      expect(back?.['numbers']).toEqual({
        int: 2147483647,
        negInt: -2147483648,
        long: Long.fromString('9007199254740993'),
        double: 1.5,
        wholeDouble: 3,
        tiny: 5e-324,
        big: 1.7976931348623157e308,
      });
      // (not -0: FerretDB stores it as 0, stock build and ours alike; the app never stores -0)
      // types survive too: a whole double stays a double, an int32 an int32
      const raw = await docs.findOne({ _id: written._id }, { promoteValues: false });
      expect(raw?.['numbers'].wholeDouble).toBeInstanceOf(Double);
      expect(raw?.['numbers'].int._bsontype).toBe('Int32');
    });

    it('treats null as "null or missing" and updates through a conditional filter', async () => {
      expect(await col.countDocuments({ maybe: null })).toBe(30);
      const updated = await col.findOneAndUpdate(
        { channelId: channels[1], seq: 4 },
        { $set: { maybe: 'set' } },
        { returnDocument: 'after' },
      );
      expect(updated?.['maybe']).toBe('set');
      expect(await col.findOneAndUpdate({ channelId: channels[0], seq: 4 }, { $set: { maybe: 'no' } })).toBeNull();
    });
  });

  describe('the update operators of the unread counts (chat read-state.ts)', () => {
    interface Row {
      _id: string;
      group?: string;
      i?: number;
      lastSeq?: number;
      roots?: number;
      committedSeq?: number;
      committedRoots?: number;
      lastReadSeq?: number;
      readRoots?: number;
      mentionOrds?: number[];
    }
    let col: Collection<Row>;
    beforeAll(() => {
      col = db.collection<Row>('conformance_read_state');
    });

    it('reserves a seq and a root counter in one $inc (FerretDB 1.24 has no projection in findAndModify)', async () => {
      await col.insertOne({ _id: 'ch', lastSeq: 0 });
      const got = await race(40, (i) =>
        col.findOneAndUpdate({ _id: 'ch' }, { $inc: { lastSeq: 1, roots: i % 2 } }, { returnDocument: 'after' }),
      );
      const pairs = got.map((d) => [d?.lastSeq ?? 0, d?.roots ?? 0] as const).sort((a, b) => a[0] - b[0]);
      expect(pairs.map((p) => p[0])).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      for (let i = 1; i < pairs.length; i++) expect(pairs[i]![1] - pairs[i - 1]![1]).toBeGreaterThanOrEqual(0);
      expect(pairs[39]![1]).toBe(20);
    });

    it('steps a watermark with $set and $max, answering the document as it was before', async () => {
      await col.insertOne({ _id: 'wm', committedSeq: 4, lastSeq: 6 });
      const before = await col.findOneAndUpdate(
        { _id: 'wm', committedSeq: 4, lastSeq: { $gte: 5 } },
        { $set: { committedSeq: 5 }, $max: { committedRoots: 3 } },
        { returnDocument: 'before' },
      );
      expect(before).toEqual({ _id: 'wm', committedSeq: 4, lastSeq: 6 });
      await col.updateOne({ _id: 'wm' }, { $max: { committedRoots: 2 } });
      expect(await col.findOne({ _id: 'wm' })).toMatchObject({ committedSeq: 5, committedRoots: 3 });
    });

    it('moves a read position with $max and drops given array values with $pullAll, in one update (a conditional $pull is a no-op on FerretDB 1.24)', async () => {
      await col.insertOne({ _id: 'm', lastReadSeq: 3, mentionOrds: [2, 5, 9] });
      const after = await col.findOneAndUpdate(
        { _id: 'm' },
        { $max: { lastReadSeq: 7, readRoots: 5 }, $pullAll: { mentionOrds: [2, 5] } },
        { returnDocument: 'after' },
      );
      expect(after).toMatchObject({ lastReadSeq: 7, readRoots: 5, mentionOrds: [9] });
      await col.updateOne({ _id: 'm' }, { $max: { lastReadSeq: 6, readRoots: 4 }, $pullAll: { mentionOrds: [2, 4] } });
      expect(await col.findOne({ _id: 'm' })).toMatchObject({ lastReadSeq: 7, readRoots: 5, mentionOrds: [9] });
    });

    it('adds a value to the arrays of the documents a range selects, once, and pulls it by value', async () => {
      await col.insertMany([0, 1, 2, 3].map((i) => ({ _id: `g${i}`, group: 'g', i, readRoots: i * 2, mentionOrds: [] })));
      await col.updateMany({ group: 'g', readRoots: { $lt: 4 } }, { $addToSet: { mentionOrds: 4 } });
      await col.updateMany({ group: 'g', readRoots: { $lt: 4 } }, { $addToSet: { mentionOrds: 4 } });
      const ords = async () => (await col.find({ group: 'g' }).sort({ i: 1 }).toArray()).map((r) => r.mentionOrds);
      expect(await ords()).toEqual([[4], [4], [], []]);
      await col.updateMany({ group: 'g', mentionOrds: 4, i: { $nin: [1] } }, { $pull: { mentionOrds: 4 } });
      expect(await ords()).toEqual([[], [4], [], []]);
    });
  });
});
