// Board (`npm run bench -- board`, not in the default run): bench/big-board.mjs seeds a board of
// BENCH_BOARD_CARDS (5,000) cards through the import API of the bench's own API node and prints its
// figures (first load, loads from the board cache; the browser part is skipped), then cold loads are
// sampled here: before each, the board's change counter is bumped in the database — what a change
// made on another node does — so the node's board cache is stale and the whole board comes from the
// database. Baseline in the same run, interleaved: the board's open cards in one query with the raw
// driver (in one reply: no getMore).
// Database commands per load are counted with the driver's command monitoring.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { idleCommandRate } from './chat-fanout';
import { Api, commandsBetween, envInt, login, progress, ROOT, sleep, stats, Stats } from './lib';

export interface BoardResult {
  cards: number;
  bytes: number;
  samples: number;
  cold: Stats;
  warm: Stats;
  rawCards: Stats;
  dbCommands: { cold: Record<string, number>; warm: Record<string, number> };
  bigBoardOutput: string[];
}

async function bigBoard(url: string, cards: number): Promise<{ projectId: string; output: string[] }> {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'big-board.mjs')], {
    cwd: ROOT,
    env: { ...process.env, BASE_URL: url, CARDS: String(cards), SKIP_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output: string[] = [];
  child.stdout.on('data', (d: Buffer) => {
    process.stdout.write(d);
    output.push(...d.toString().split('\n').filter(Boolean));
  });
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  if (code !== 0) throw new Error(`bench/big-board.mjs exited with ${code}`);
  const projectId = /\(project ([0-9a-f]{24})\)/.exec(output.join('\n'))?.[1];
  if (!projectId) throw new Error('bench/big-board.mjs did not print the project id');
  return { projectId, output };
}

const perLoad = (c: Record<string, number>, n: number): Record<string, number> =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round((v / n) * 10) / 10]));

export async function boardScenario(target: Api, mongoUri: string, dbName: string): Promise<BoardResult> {
  const cards = envInt('BENCH_BOARD_CARDS', 5000);
  const samples = envInt('BENCH_BOARD_SAMPLES', 15);
  const { projectId, output } = await bigBoard(target.url, cards);
  const me = await login(target.url, 'member@klasteris.demo');
  const client = await new MongoClient(mongoUri).connect();
  try {
    const db = client.db(dbName);
    const pid = new ObjectId(projectId);
    let bytes = 0;
    const load = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${target.url}/api/projects/${projectId}/board`, { headers: { authorization: `Bearer ${me.token}` } });
      const body = await res.text();
      const took = performance.now() - t0;
      if (res.status !== 200) throw new Error(`GET board: ${res.status}`);
      const n = (JSON.parse(body) as { columns: { cards: unknown[] }[] }).columns.reduce((k, c) => k + c.cards.length, 0);
      if (n !== cards) throw new Error(`the board returned ${n} cards, expected ${cards}`);
      bytes = body.length;
      return took;
    };
    // what another node's change does: the counter moves, this node's cached board is stale
    const staleCache = (): Promise<unknown> => db.collection('board_seqs').updateOne({ _id: pid }, { $inc: { seq: 1 } }, { upsert: true });
    const raw = async (): Promise<number> => {
      const t0 = performance.now();
      const docs = await db
        .collection('cards')
        .find({ projectId: pid, archived: false }, { projection: { changes: 0 } })
        .batchSize(100_000)
        .toArray();
      if (docs.length !== cards) throw new Error(`raw: ${docs.length} cards`);
      return performance.now() - t0;
    };

    const idle = await idleCommandRate(target, 2000);
    const series = { cold: [] as number[], warm: [] as number[], raw: [] as number[] };
    let coldCommands: Record<string, number> = {};
    let warmCommands: Record<string, number> = {};
    for (let i = 0; i < samples; i++) {
      await staleCache();
      await sleep(50);
      const a = await target.dbStats();
      const cold = await load();
      const b = await target.dbStats();
      const warm = await load();
      const c = await target.dbStats();
      series.cold.push(cold);
      series.warm.push(warm);
      series.raw.push(await raw());
      const less = (ms: number): { perMs: Record<string, number>; ms: number } => ({ perMs: idle.perMs, ms });
      for (const [k, v] of Object.entries(commandsBetween(a, b, less(cold)))) coldCommands[k] = (coldCommands[k] ?? 0) + v;
      for (const [k, v] of Object.entries(commandsBetween(b, c, less(warm)))) warmCommands[k] = (warmCommands[k] ?? 0) + v;
      progress(`  board loads ${i + 1}/${samples} (cold p50 so far ${stats(series.cold).p50} ms)`);
    }
    progress('');
    coldCommands = perLoad(coldCommands, samples);
    warmCommands = perLoad(warmCommands, samples);
    return {
      cards,
      bytes,
      samples,
      cold: stats(series.cold),
      warm: stats(series.warm),
      rawCards: stats(series.raw),
      dbCommands: { cold: coldCommands, warm: warmCommands },
      bigBoardOutput: output,
    };
  } finally {
    await client.close();
  }
}
