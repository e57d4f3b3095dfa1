import request from 'supertest';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

/**
 * The OpenAPI document at /api/docs-json is the contract clients generate from: every operation's
 * success answer with its schema, every error status with the error body, public operations marked.
 * And answers the contract fuzzer (scripts/contract-fuzz.ts) found breaking it, each kept here.
 */
interface Response {
  description: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}
interface Operation {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
}
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

describe('the API contract', () => {
  let t: TestApp;
  let doc: Doc;
  let ops: (Operation & { method: string; path: string })[];
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/api/docs-json')).body as Doc;
    ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ ...op, method, path })));
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
  });
  afterAll(() => t.close());

  const label = (o: { method: string; path: string }): string => `${o.method.toUpperCase()} ${o.path}`;

  it('gives every operation a success answer, and every JSON one its schema', () => {
    expect(ops.length).toBeGreaterThan(100);
    const missing = ops.filter((o) => !Object.keys(o.responses).some((s) => /^[23]\d\d$/.test(s))).map(label);
    expect(missing).toEqual([]);
    const noSchema = ops
      .flatMap((o) =>
        Object.entries(o.responses)
          .filter(([s]) => /^2\d\d$/.test(s) && s !== '204')
          .map(([s, r]) => ({ o, s, r })),
      )
      .filter(({ r }) => r.content && Object.values(r.content).some((c) => !c.schema))
      .map(({ o, s }) => `${label(o)} ${s}`);
    expect(noSchema).toEqual([]);
    const me = doc.paths['/api/auth/me']!['get']!.responses['200']!;
    expect(me.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/MeResponse' });
    expect(doc.components.schemas['MeResponse']).toMatchObject({ type: 'object', required: ['user'] });
  });

  it('documents the error statuses with the error body, and marks public operations', () => {
    const problems: string[] = [];
    for (const o of ops) {
      const isPublic = Array.isArray(o.security) && o.security.length === 0;
      const expected = [503, ...(isPublic ? [] : [401, 403]), ...((o.parameters ?? []).length || o.requestBody ? [400] : [])];
      if ((o.parameters ?? []).some((p) => p.in === 'path')) expected.push(404);
      for (const status of expected) {
        const schema = o.responses[String(status)]?.content?.['application/json']?.schema;
        if (!schema || schema['$ref'] !== '#/components/schemas/ErrorBody') problems.push(`${label(o)} ${status}`);
      }
      if (!isPublic && !o.security?.some((s) => 'bearer' in s)) problems.push(`${label(o)} neither public nor bearer`);
    }
    expect(problems).toEqual([]);
    expect(doc.paths['/api/auth/login']!['post']!.security).toEqual([]);
    expect(doc.paths['/api/organisations']!['get']!.security).toEqual([]);
    expect(doc.paths['/api/auth/me']!['get']!.security).toEqual([{ bearer: [] }]);
    expect(doc.components.schemas['ErrorBody']).toMatchObject({ required: ['statusCode', 'code', 'message'] });
  });

  it('documents query parameters the handler requires (presence)', () => {
    const params = doc.paths['/api/presence']!['get']!.parameters ?? [];
    expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'userIds', in: 'query' })]));
  });

  it('refuses null for a group field that is never null (it was stored)', async () => {
    const groups = await request(t.app.getHttpServer()).get('/api/groups').set(bearer(admin));
    const group = (groups.body as { items: { id: string; visibility: string }[] }).items[0]!;
    const res = await request(t.app.getHttpServer())
      .patch(`/api/groups/${group.id}`)
      .set(bearer(admin))
      .send({ visibility: null, description: null });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const after = await request(t.app.getHttpServer()).get(`/api/groups/${group.id}`).set(bearer(admin));
    expect(after.body.group.visibility).toBe(group.visibility);
  });

  it('refuses null for profile fields that are never null, and keeps accepting it where the document says nullable', async () => {
    const me = await request(t.app.getHttpServer()).patch('/api/auth/me').set(bearer(admin)).send({ initials: null });
    expect(me.status).toBe(400);
    expect(me.body.code).toBe('VALIDATION_FAILED');
    expect(me.body.details.fields.map((f: { field: string }) => f.field)).toContain('initials');
    const profile = await request(t.app.getHttpServer()).get('/api/auth/me').set(bearer(admin));
    expect(typeof profile.body.user.initials).toBe('string');
    const orgs = await request(t.app.getHttpServer()).get('/api/organisations');
    const org = (orgs.body as { items: { id: string }[] }).items[0]!;
    const cleared = await request(t.app.getHttpServer()).patch(`/api/organisations/${org.id}`).set(bearer(admin)).send({ website: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.organisation.website).toBeNull();
  });

  it('refuses null for a channel name (it was stored, and every later answer broke the contract)', async () => {
    const channels = await request(t.app.getHttpServer()).get('/api/channels').set(bearer(admin));
    const channel = (channels.body as { items: { id: string; name: string }[] }).items.find((c) => c.name)!;
    const res = await request(t.app.getHttpServer())
      .patch(`/api/channels/${channel.id}`)
      .set(bearer(admin))
      .send({ name: null, topic: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const after = await request(t.app.getHttpServer()).get(`/api/channels/${channel.id}`).set(bearer(admin));
    expect(after.body.channel.name).toBe(channel.name);
  });

  it('answers audit entries with every field, null when empty (an update with nothing changed lost `after`)', async () => {
    const groups = await request(t.app.getHttpServer()).get('/api/groups').set(bearer(admin));
    const id = (groups.body as { items: { id: string }[] }).items[0]!.id;
    const res = await request(t.app.getHttpServer()).patch(`/api/groups/${id}`).set(bearer(admin)).send({ reason: 'nothing changes' });
    expect(res.status).toBe(200);
    const audit = await request(t.app.getHttpServer()).get('/api/audit?limit=5').set(bearer(admin));
    const entry = (audit.body as { items: Record<string, unknown>[] }).items.find(
      (e) => e['targetId'] === id && e['reason'] === 'nothing changes',
    );
    expect(entry).toBeDefined();
    for (const key of ['actorId', 'scopeId', 'reason', 'before', 'after']) expect(entry).toHaveProperty(key);
    expect(entry!['after']).toBeNull();
  });
});
