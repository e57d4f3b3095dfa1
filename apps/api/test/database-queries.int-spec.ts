import { Collection, Double, Long, MongoClient, ObjectId } from 'mongodb';

/**
 * The embedded FerretDB build pushes top-level equality and `$in` filters down to SQLite (see
 * tools/ferretdb). These are the MongoDB matching rules the app relies on; each must hold
 * on the embedded database exactly as on MongoDB (the same suite runs against MONGODB_URI).
 */
describe('database queries keep MongoDB matching rules', () => {
  let client: MongoClient;
  let col: Collection;
  const channels = [new ObjectId(), new ObjectId(), new ObjectId()];

  beforeAll(async () => {
    client = await MongoClient.connect(process.env['MONGODB_URI']!);
    col = client.db(`klasteris_queries_${Date.now()}`).collection('docs');
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

  afterAll(async () => {
    await client.db(col.dbName).dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('matches an ObjectId field by equality and by $in, combined with other conditions', async () => {
    expect(await col.countDocuments({ channelId: channels[1] })).toBe(30);
    expect(await col.countDocuments({ channelId: { $in: [channels[0], channels[2]] } })).toBe(60);
    const page = await col.find({ channelId: channels[2], seq: { $lt: 50 } }).sort({ seq: -1 }).limit(3).toArray();
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
    const nums = client.db(col.dbName).collection('numbers');
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
    expect(await col.countDocuments({ $or: [{ channelId: a, seq: { $gt: 10, $lte: 20 } }, { channelId: b, seq: 4 }] })).toBe(4);
    expect(await col.countDocuments({ channelId: { $in: [a, b] }, $or: [{ channelId: a, seq: { $lt: 6 } }, { channelId: b, seq: { $gte: 85 } }] })).toBe(4);
    // a branch on a field without an index, and one with an operator we do not push down
    expect(await col.countDocuments({ $or: [{ channelId: a, seq: 3 }, { maybe: null }] })).toBe(30);
    expect(await col.countDocuments({ $or: [{ seq: 1 }, { seq: { $ne: 1 }, tags: 'rack' }] })).toBe(19);
    // arrays still match by element inside a branch
    expect(await col.countDocuments({ $or: [{ tags: 'rack' }, { channelId: b, seq: 1 }] })).toBe(19);
    expect(await col.countDocuments({ $and: [{ channelId: a }, { $or: [{ seq: 0 }, { seq: 3 }] }, { owner: 'plain' }] })).toBe(1);
  });

  it('reads back every kind of value exactly as written (the embedded build decodes stored documents itself)', async () => {
    const docs = client.db(col.dbName).collection('values');
    const tricky = ['', 'plain', 'quote " and backslash \\ and slash /', 'tab\tnew line\ncarriage\r', '\u0000\u0001\u001f control', 'Eglė Žąsinaitė — “Vilnius”', '漢字 и кириллица', '😀 emoji \ud83c\udf89', '<script>&amp;</script>', '\\u0041 not an escape', '{"not":"json"}', '[1,2]', 'null', 'true', '-0', '0123'];
    const written = {
      _id: new ObjectId(),
      strings: tricky,
      byKey: Object.fromEntries(tricky.filter((k) => k && !k.includes('\u0000')).map((k, i) => [k.replace(/[.$]/g, '_'), i])),
      numbers: { int: 2147483647, negInt: -2147483648, long: Long.fromString('9007199254740993'), double: new Double(1.5), wholeDouble: new Double(3), tiny: 5e-324, big: 1.7976931348623157e308 },
      flags: [true, false, null],
      nested: { a: { b: { c: [{}, { d: 'deep "x"', e: [1, 'two'] }, ''] } } }, // no arrays in arrays: FerretDB 1.x refuses them
      empty: { object: {}, array: [], string: '' },
      when: new Date('2026-03-29T00:59:59.999Z'),
    };
    await docs.insertOne(written);
    const back = await docs.findOne({ _id: written._id });
    expect({ ...back, numbers: null }).toEqual({ ...written, numbers: null });
    expect(back?.['numbers']).toEqual({ int: 2147483647, negInt: -2147483648, long: Long.fromString('9007199254740993'), double: 1.5, wholeDouble: 3, tiny: 5e-324, big: 1.7976931348623157e308 });
    // (not -0: FerretDB stores it as 0, stock build and ours alike; the app never stores -0)
    // types survive too: a whole double stays a double, an int32 an int32
    const raw = await docs.findOne({ _id: written._id }, { promoteValues: false });
    expect(raw?.['numbers'].wholeDouble).toBeInstanceOf(Double);
    expect(raw?.['numbers'].int._bsontype).toBe('Int32');
  });

  it('treats null as "null or missing" and updates through a conditional filter', async () => {
    expect(await col.countDocuments({ maybe: null })).toBe(30);
    const updated = await col.findOneAndUpdate({ channelId: channels[1], seq: 4 }, { $set: { maybe: 'set' } }, { returnDocument: 'after' });
    expect(updated?.['maybe']).toBe('set');
    expect(await col.findOneAndUpdate({ channelId: channels[0], seq: 4 }, { $set: { maybe: 'no' } })).toBeNull();
  });
});
