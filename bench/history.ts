// History: a channel seeded with BENCH_HISTORY_MESSAGES messages (default 1,000,000, bulk-inserted
// with insertMany in batches of 10,000), then through the API: the newest page, a deep page (the
// oldest 1 % of the channel) and a catch-up of BENCH_HISTORY_CATCHUP (default 10,000) missed messages,
// 100 per page. Baseline in the same run: the same newest/deep queries (the seq window the API's
// repository reads) with the raw driver straight to the database, so the ratio shows what the API
// adds on top of the database.
import { MongoClient, ObjectId } from 'mongodb';
import { api, Api, commandsBetween, DbStats, envInt, login, progress, sleep, stats, Stats } from './lib';

export interface HistoryResult {
  messages: number;
  insertSeconds: number;
  insertPerSecond: number;
  samples: number;
  newestPage: Stats;
  deepPage: Stats;
  rawNewest: Stats;
  rawDeep: Stats;
  catchUp: { messages: number; pages: number; seconds: number; perPage: Stats };
  /** database commands per request (driver command monitoring, idle background subtracted), by command name */
  dbCommands: { newest: CommandCount; deep: CommandCount; catchUp: CommandCount; idlePerSecond: number };
}

export interface CommandCount {
  total: number;
  byCommand: Record<string, number>;
}

/** Commands per request between two snapshots, less the idle background measured over `ms` right after. */
async function commandsPerRequest(target: Api, n: number, f: () => Promise<unknown>): Promise<CommandCount> {
  const a = await target.dbStats();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  const ms = performance.now() - t0;
  const b = await target.dbStats();
  // the idle background (pollers, leases) over as long, right after
  const c = await target.dbStats();
  await sleep(ms);
  const d = await target.dbStats();
  const idle = commandsBetween(c, d);
  const busy = commandsBetween(a, b, { perMs: Object.fromEntries(Object.entries(idle).map(([k, v]) => [k, v / ms])), ms });
  const r = (v: number): number => Math.round((v / n) * 10) / 10;
  const byCommand = Object.fromEntries(Object.entries(busy).map(([k, v]) => [k, r(v)]));
  return { total: r(Object.values(busy).reduce((x, y) => x + y, 0)), byCommand };
}

const idleRate = async (target: Api, ms: number): Promise<number> => {
  const a: DbStats = await target.dbStats();
  await sleep(ms);
  const n = Object.values(commandsBetween(a, await target.dbStats())).reduce((x, y) => x + y, 0);
  return Math.round((n * 10_000) / ms) / 10;
};

const BATCH = 10_000;
const PAGE = 50;

function messageDoc(channelId: ObjectId, authorId: ObjectId, seq: number, at: number): Record<string, unknown> {
  return {
    channelId,
    seq,
    authorId,
    clientMsgId: `hist-${seq}`,
    body: `history message ${seq}: the quick brown fox jumps over the lazy dog`,
    createdAt: new Date(at),
    editedAt: null,
    edits: [],
    deletedAt: null,
    deletedBy: null,
    threadRootId: null,
    replyCount: 0,
    lastReplyAt: null,
    reactionKeys: [],
    mentions: [],
    mentionsChannel: false,
    pinned: false,
    attachmentIds: [],
    terms: [],
    void: false,
    cardId: null,
  };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

export async function history(target: Api, mongoUri: string, dbName: string): Promise<HistoryResult> {
  const url = target.url;
  const n = envInt('BENCH_HISTORY_MESSAGES', 1_000_000);
  const samples = envInt('BENCH_HISTORY_SAMPLES', 30);
  const catchUpSize = Math.min(n, envInt('BENCH_HISTORY_CATCHUP', 10_000));
  const me = await login(url, 'member@klasteris.demo');
  const created = await api<{ channel: { id: string } }>(url, 'POST', '/api/channels', me.token, {
    name: `history-${Date.now().toString(36)}`,
    type: 'private',
  });
  if (created.status !== 201) throw new Error(`create channel: ${created.status} ${JSON.stringify(created.body)}`);
  const channelId = created.body.channel.id;

  const client = await new MongoClient(mongoUri).connect();
  try {
    const db = client.db(dbName);
    const messages = db.collection('messages');
    const cid = new ObjectId(channelId);
    const author = new ObjectId(me.userId);
    const t0 = performance.now();
    const start = Date.now() - n * 1000;
    for (let from = 1; from <= n; from += BATCH) {
      const docs = [];
      for (let seq = from; seq < Math.min(n + 1, from + BATCH); seq++) docs.push(messageDoc(cid, author, seq, start + seq * 1000));
      await messages.insertMany(docs, { ordered: false });
      const done = from + docs.length - 1;
      const secs = (performance.now() - t0) / 1000;
      progress(
        `  inserted ${done.toLocaleString('en')}/${n.toLocaleString('en')} (${Math.round(done / secs).toLocaleString('en')}/s, ${Math.round(secs)} s)`,
      );
    }
    progress('');
    const insertSeconds = (performance.now() - t0) / 1000;
    await db.collection('channels').updateOne({ _id: cid }, { $set: { lastSeq: n, committedSeq: n } });

    const deepBefore = Math.max(PAGE + 1, Math.floor(n / 100));
    const path = `/api/channels/${channelId}/messages`;
    const get = async (q: string): Promise<void> => {
      const res = await api<{ items: unknown[] }>(url, 'GET', `${path}${q}`, me.token);
      if (res.status !== 200 || res.body.items.length === 0)
        throw new Error(`GET ${q}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    };
    // the query the API's repository makes for such a page: its first seq window below `before`, a
    // page and a quarter of seqs where every message is a root (every seeded message is one, so one
    // window always fills the page), without search terms and edit history, in one batch
    const rawPage = (before: number) => (): Promise<unknown> =>
      messages
        .find(
          {
            channelId: cid,
            seq: { $gte: Math.max(0, before - Math.ceil((PAGE + 1) * 1.25)), $lt: before },
            threadRootId: null,
            void: { $ne: true },
          },
          { projection: { terms: 0, edits: 0 } },
        )
        .sort({ seq: -1 })
        .limit(PAGE + 1)
        .batchSize(PAGE + 2)
        .toArray();

    const series: Record<'newest' | 'deep' | 'rawNewest' | 'rawDeep', number[]> = { newest: [], deep: [], rawNewest: [], rawDeep: [] };
    for (let i = 0; i < samples; i++) {
      // interleaved, so load changes on this shared machine hit ours and the baseline alike
      series.newest.push(await timed(() => get(`?limit=${PAGE}`)));
      series.rawNewest.push(await timed(rawPage(n + 1)));
      series.deep.push(await timed(() => get(`?limit=${PAGE}&before=${deepBefore}`)));
      series.rawDeep.push(await timed(rawPage(deepBefore)));
      progress(`  page samples ${i + 1}/${samples} (newest p50 so far ${stats(series.newest).p50} ms)`);
    }
    progress('');

    const perPage: number[] = [];
    const tc = performance.now();
    let cursor = n - catchUpSize;
    let got = 0;
    while (got < catchUpSize) {
      let page: { items: { seq: number }[]; hasMore: boolean } = { items: [], hasMore: false };
      perPage.push(
        await timed(async () => {
          const res = await api<typeof page>(url, 'GET', `${path}?after=${cursor}&limit=100`, me.token);
          if (res.status !== 200) throw new Error(`catch-up: ${res.status}`);
          page = res.body;
        }),
      );
      got += page.items.length;
      if (page.items.length === 0) break;
      cursor = page.items[page.items.length - 1]!.seq;
      progress(`  catch-up ${got.toLocaleString('en')}/${catchUpSize.toLocaleString('en')}`);
    }
    progress('');
    if (got !== catchUpSize) throw new Error(`catch-up returned ${got} messages, expected ${catchUpSize}`);

    // Round trips per request, counted (deterministic, whatever the load): the same requests one at a time.
    const counted = Math.min(samples, 20);
    const dbCommands = {
      newest: await commandsPerRequest(target, counted, () => get(`?limit=${PAGE}`)),
      deep: await commandsPerRequest(target, counted, () => get(`?limit=${PAGE}&before=${deepBefore}`)),
      catchUp: await commandsPerRequest(target, counted, () => get(`?after=${n - catchUpSize}&limit=100`)),
      idlePerSecond: await idleRate(target, 2000),
    };

    return {
      messages: n,
      insertSeconds: Math.round(insertSeconds * 10) / 10,
      insertPerSecond: Math.round(n / insertSeconds),
      samples,
      newestPage: stats(series.newest),
      deepPage: stats(series.deep),
      rawNewest: stats(series.rawNewest),
      rawDeep: stats(series.rawDeep),
      catchUp: { messages: got, pages: perPage.length, seconds: Math.round((performance.now() - tc) / 100) / 10, perPage: stats(perPage) },
      dbCommands,
    };
  } finally {
    await client.close();
  }
}
