import { JwtService } from '@nestjs/jwt';
import { Types } from 'mongoose';
import request from 'supertest';
import { bearer, createTestApp, login, TestApp } from '../support/test-app';
import { CATASTROPHIC, checkResponse, OPERATOR_PAYLOADS, OVERSIZED, Probe, Tally } from './sweep-support';

/**
 * Every operation of the OpenAPI document, attacked as an admin (the caller who gets furthest past
 * authorisation): operator payloads, a catastrophic regex, wrong types and oversized values in every
 * path parameter, query parameter and body field; unknown fields; then missing, garbage, forged and
 * expired tokens on every authenticated operation. Never a 5xx, always the error shape, no internals,
 * and nothing written by a rejected write.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Op {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  body: Schema | null;
  secured: boolean;
}
interface Case {
  cls: string;
  what: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  allow2xx: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

describe('security sweep: HTTP', () => {
  let t: TestApp;
  let doc: OpenApi;
  let ops: Op[];
  let token: string;
  const tally = new Tally();

  const resolve = (s: Schema | undefined): Schema | undefined => {
    if (!s) return undefined;
    if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]);
    if (s.allOf?.length === 1) return resolve(s.allOf[0]);
    return s;
  };

  /** A plausible value of the right type, so one poisoned field is probed with the others present. */
  const plausible = (s: Schema | undefined): unknown => {
    const r = resolve(s);
    if (!r) return 'x';
    if (r.enum?.length) return r.enum[0];
    switch (r.type) {
      case 'number':
      case 'integer':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return [];
      case 'object':
        return {};
      default:
        if (r.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
        return r.properties ? {} : 'plain text';
    }
  };

  /** A value of a different type than the schema asks for. */
  const wrongType = (s: Schema | undefined): unknown => {
    const r = resolve(s);
    switch (r?.type) {
      case 'string':
        return { nested: ['not', 'a', 'string'] };
      case 'array':
        return 'not-an-array';
      case 'object':
        return ['not', 'an', 'object'];
      default:
        return r?.properties ? 'not-an-object' : { nested: 1 };
    }
  };

  const fillPath = (op: Op, override: Record<string, string> = {}): string =>
    op.path.replace(/\{(\w+)\}/g, (_m, name: string) => override[name] ?? new Types.ObjectId().toHexString());

  const baseBody = (op: Op): Record<string, unknown> => {
    const s = resolve(op.body ?? undefined);
    const out: Record<string, unknown> = {};
    for (const name of s?.required ?? []) out[name] = plausible(s?.properties?.[name]);
    return out;
  };

  function casesFor(op: Op): Case[] {
    const cases: Case[] = [];
    const auth = { Authorization: `Bearer ${token}` };
    for (const p of op.pathParams) {
      const hostile: [string, string][] = [
        ...Object.entries(OPERATOR_PAYLOADS).map(([k, v]): [string, string] => [`operator ${k}`, JSON.stringify(v)]),
        ['regex', CATASTROPHIC],
        ['oversized', 'x'.repeat(4000)],
        ['wrong-type', '[object Object]'],
      ];
      for (const [cls, v] of hostile) {
        cases.push({
          cls: `path ${cls.split(' ')[0]!}`,
          what: `${p}=${cls}`,
          url: fillPath(op, { [p]: encodeURIComponent(v) }),
          headers: auth,
          allow2xx: false,
        });
      }
    }
    for (const q of op.queryParams) {
      const url = fillPath(op);
      const hostile: [string, string, boolean][] = [
        ['query operator', `${q.name}[$gt]=`, false],
        ['query operator', `${q.name}[$ne]=x`, false],
        ['query operator', `${q.name}[$regex]=${encodeURIComponent(CATASTROPHIC)}`, false],
        ['query operator', `${q.name}[$where]=sleep(1000)`, false],
        // As plain strings these may legitimately be accepted (a search for the literal text).
        ['query operator-as-text', `${q.name}=${encodeURIComponent(JSON.stringify(OPERATOR_PAYLOADS['$gt']))}`, true],
        ['query regex', `${q.name}=${encodeURIComponent(CATASTROPHIC)}`, true],
        ['query oversized', `${q.name}=${'x'.repeat(4000)}`, true],
        ['query wrong-type', `${q.name}=${encodeURIComponent('{"a":[1,2]}')}&${q.name}=2`, true],
      ];
      for (const [cls, qs, allow2xx] of hostile)
        cases.push({ cls, what: `?${qs.slice(0, 40)}`, url: `${url}?${qs}`, headers: auth, allow2xx });
    }
    const hasBody = op.body !== null || WRITES.has(op.method);
    if (hasBody && op.method !== 'get') {
      const s = resolve(op.body ?? undefined);
      const url = fillPath(op);
      for (const [field, fs] of Object.entries(s?.properties ?? {})) {
        const hostile: [string, unknown][] = [
          ...Object.entries(OPERATOR_PAYLOADS).map(([k, v]): [string, unknown] => [`body operator ${k}`, v]),
          ['body regex-object', { $regex: CATASTROPHIC, $options: 'i' }],
          ['body wrong-type', wrongType(fs)],
          ['body oversized', OVERSIZED],
        ];
        for (const [cls, v] of hostile) {
          cases.push({
            cls: cls.startsWith('body operator') ? 'body operator' : cls,
            what: `${field}: ${cls}`,
            url,
            body: { ...baseBody(op), [field]: v },
            headers: auth,
            allow2xx: false,
          });
        }
      }
      // An operation without a body DTO never reads its body: an unknown field is simply ignored.
      cases.push({
        cls: 'body unknown-field',
        what: 'unknown field',
        url,
        body: { ...baseBody(op), notAField: 'x' },
        headers: auth,
        allow2xx: op.body === null,
      });
      cases.push({
        cls: 'body operator',
        what: 'top-level $where',
        url,
        body: { ...baseBody(op), $where: 'sleep(1000)' },
        headers: auth,
        allow2xx: false,
      });
      const rest = JSON.stringify(baseBody(op)).slice(1);
      const proto = JSON.parse(`{"__proto__":{"isAdmin":true}${rest === '}' ? '' : ','}${rest}`) as unknown;
      cases.push({ cls: 'body prototype-key', what: '__proto__', url, body: proto, headers: auth, allow2xx: false });
      cases.push({
        cls: 'body operator',
        what: 'nested $ key',
        url,
        body: { ...baseBody(op), notAField: { deep: { $gt: '' } } },
        headers: auth,
        allow2xx: false,
      });
    }
    return cases;
  }

  async function send(method: Op['method'], c: Case): Promise<Probe> {
    let req = request(t.app.getHttpServer())[method](c.url);
    for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
    const res = c.body === undefined ? await req : await req.send(c.body as object);
    return { status: res.status, body: res.body as unknown, text: res.text ?? '' };
  }

  /**
   * Written on the background jobs' own clock, whatever the requests do: the cluster leases of the
   * outbox, digest, booking-reminder and morning-mail jobs, and the mails and digest state those jobs
   * queue (a reminder for a demo booking that starts within the hour, the 08:00 card mails). What a
   * request queues is asserted by the mail tests.
   */
  const JOB_COLLECTIONS = new Set(['leases', 'mail_outbox', 'chat_digests']);

  async function counts(): Promise<Record<string, number>> {
    const db = t.connection.db!;
    const names = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((n) => !JOB_COLLECTIONS.has(n))
      .sort();
    const values = await Promise.all(names.map((n) => db.collection(n).countDocuments({})));
    return Object.fromEntries(names.map((n, i) => [n, values[i]!]));
  }

  beforeAll(async () => {
    t = await createTestApp();
    const res = await request(t.app.getHttpServer()).get('/api/docs-json');
    doc = res.body as OpenApi;
    ops = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const o = item[method];
        if (!o) continue;
        const params = o.parameters ?? [];
        const body = o.requestBody?.content?.['application/json']?.schema ?? null;
        ops.push({
          method,
          path,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
          body,
          secured: (o.security ?? []).length > 0,
        });
      }
    }
    token = (await login(t, 'admin@klasteris.demo')).accessToken;
  });

  afterAll(async () => {
    tally.print(`HTTP security sweep: ${ops?.length ?? 0} operations`);
    await t?.close();
  });

  it('reads a document with the API in it', () => {
    expect(ops.length).toBeGreaterThan(20);
    expect(ops.some((o) => o.path === '/api/auth/login' && o.method === 'post')).toBe(true);
  });

  it('hostile path, query and body values: never a 5xx, always the error shape, nothing written', async () => {
    const failures: string[] = [];
    // Rejected writes change nothing, so one snapshot per write operation suffices: the counts
    // after one operation are the counts before the next (taken again after an accepted request).
    let snapshot: Record<string, number> | null = null;
    for (const op of ops) {
      // Signing out or revoking our own session would turn the rest into 401s: sign in again.
      const probe = await request(t.app.getHttpServer()).get('/api/auth/me').set(bearer(token));
      if (probe.status === 401) {
        token = (await login(t, 'admin@klasteris.demo')).accessToken;
        snapshot = null; // signing in writes a session
      }
      const cases = casesFor(op);
      if (cases.length === 0) continue;
      const write = WRITES.has(op.method);
      if (!write) snapshot = null; // a read may record something (last seen, audit): count afresh
      if (write && !snapshot) snapshot = await counts();
      let accepted = false;
      const record = (c: Case, res: Probe): void => {
        if (res.status < 400) accepted = true;
        const problems = checkResponse(res, { allow2xx: c.allow2xx });
        tally.add(c.cls, problems.length > 0);
        if (problems.length) failures.push(`${op.method.toUpperCase()} ${op.path} [${c.what}]: ${problems.join(', ')}`);
      };
      if (write) {
        for (const c of cases) record(c, await send(op.method, c));
      } else {
        // Reads change nothing: a few at a time.
        for (let i = 0; i < cases.length; i += 6) {
          const chunk = cases.slice(i, i + 6);
          const results = await Promise.all(chunk.map((c) => send(op.method, c)));
          chunk.forEach((c, j) => record(c, results[j]!));
        }
      }
      if (write && snapshot) {
        const after = await counts();
        if (!accepted) {
          const before = snapshot;
          const changed = Object.keys(after).filter((k) => after[k] !== (before[k] ?? 0));
          tally.add('nothing written', changed.length > 0);
          if (changed.length) failures.push(`${op.method.toUpperCase()} ${op.path}: rejected requests changed ${changed.join(', ')}`);
        }
        snapshot = after;
      }
    }
    expect(failures).toEqual([]);
  });

  it('missing, garbage, forged and expired tokens on every authenticated operation → 401 UNAUTHENTICATED', async () => {
    const me = await login(t, 'member@klasteris.demo');
    const claims = JSON.parse(Buffer.from(me.accessToken.split('.')[1]!, 'base64url').toString()) as { sub: string; sid: string };
    const expired = await new JwtService({ secret: t.config.jwtSecret }).signAsync({
      sub: claims.sub,
      sid: claims.sid,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const forged = await new JwtService({ secret: 'not-the-secret' }).signAsync({ sub: claims.sub, sid: claims.sid });
    const failures: string[] = [];
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${me.accessToken.split('.')[1]!}.`;
    const variants: [string, Record<string, string>][] = [
      ['no token', {}],
      ['garbage token', { Authorization: 'Bearer not.a.token' }],
      ['operator token', { Authorization: `Bearer ${JSON.stringify(OPERATOR_PAYLOADS['$ne'])}` }],
      ['forged signature', { Authorization: `Bearer ${forged}` }],
      ['alg none', { Authorization: `Bearer ${unsigned}` }],
      ['expired token', { Authorization: `Bearer ${expired}` }],
    ];
    const secured = ops.filter((o) => o.secured);
    expect(secured.length).toBeGreaterThan(10);
    for (const op of secured) {
      for (const [what, headers] of variants) {
        const res = await send(op.method, {
          cls: 'auth',
          what,
          url: fillPath(op),
          headers,
          body: op.method === 'get' ? undefined : {},
          allow2xx: false,
        });
        const problems = checkResponse(res, { allow2xx: false });
        if (res.status !== 401 || (res.body as { code?: string }).code !== 'UNAUTHENTICATED')
          problems.push(`expected 401 UNAUTHENTICATED, got ${res.status} ${(res.body as { code?: string }).code}`);
        tally.add(`auth ${what}`, problems.length > 0);
        if (problems.length) failures.push(`${op.method.toUpperCase()} ${op.path} [${what}]: ${problems.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('security headers on API responses and the refresh cookie is httpOnly, SameSite=Strict, scoped to /api/auth', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'member@klasteris.demo', password: 'klasteris-demo' });
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['referrer-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    const cookies = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/;\s*HttpOnly/i);
      expect(c).toMatch(/;\s*SameSite=Strict/i);
      expect(c).toMatch(/;\s*Path=\/api\/auth/i);
    }
  });

  it('CORS: a foreign Origin gets no Access-Control-Allow-Origin', async () => {
    const res = await request(t.app.getHttpServer())
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).not.toBe('https://evil.example');
    expect(res.headers['access-control-allow-origin']).not.toBe('*');
    const get = await request(t.app.getHttpServer()).get('/api/health').set('Origin', 'https://evil.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});
