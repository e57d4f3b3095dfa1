// REST hot paths with autocannon: channel list, a message page, availability of a resource; the
// baseline in the same run is the health endpoint through the same stack (auth-free; a database ping and the outbox backlog).
// Database commands per request are counted with the driver's command monitoring (DB_COMMAND_STATS),
// background included (pollers, leases: a small share at these rates).
import autocannon from 'autocannon';
import { api, DbStats, envInt, login } from './lib';

export interface RestRow {
  path: string;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  ratioToBaseline: number;
  dbCommandsPerRequest: number | null;
}

async function hammer(url: string, path: string, token: string | null, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({ url: `${url}${path}`, connections, duration: seconds, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

export async function restHotPaths(url: string, dbStats?: () => Promise<DbStats>): Promise<RestRow[]> {
  const seconds = envInt('BENCH_REST_SECONDS', 5);
  const connections = envInt('BENCH_REST_CONNECTIONS', 10);
  const me = await login(url, 'member@klasteris.demo');
  const channels = await api<{ items: { id: string; name: string }[] }>(url, 'GET', '/api/channels', me.token);
  const general = channels.body.items.find((c) => c.name === 'general') ?? channels.body.items[0]!;
  const resources = await api<{ items: { id: string }[] }>(url, 'GET', '/api/resources', me.token);
  const from = new Date(Date.now() + 86_400_000);
  from.setUTCHours(0, 0, 0, 0);
  const to = new Date(from.getTime() + 7 * 86_400_000);
  const paths: [string, string | null][] = [
    ['/api/health', null],
    ['/api/channels', me.token],
    [`/api/channels/${general.id}/messages`, me.token],
  ];
  if (resources.body.items?.[0])
    paths.push([`/api/resources/${resources.body.items[0].id}/availability?from=${from.toISOString()}&to=${to.toISOString()}`, me.token]);
  const rows: RestRow[] = [];
  let base = 0;
  for (const [path, token] of paths) {
    const before = dbStats ? await dbStats() : null;
    const r = await hammer(url, path, token, seconds, connections);
    const after = dbStats ? await dbStats() : null;
    if (!base) base = r.requests.average;
    rows.push({
      path: path.replace(/[0-9a-f]{24}/g, ':id').replace(/\?.*/, '?from&to'),
      requestsPerSecond: Math.round(r.requests.average),
      latencyP50: r.latency.p50,
      latencyP99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      ratioToBaseline: Math.round((r.requests.average / base) * 1000) / 1000,
      dbCommandsPerRequest:
        before && after && r.requests.total > 0 ? Math.round(((after.total - before.total) / r.requests.total) * 10) / 10 : null,
    });
  }
  return rows;
}
