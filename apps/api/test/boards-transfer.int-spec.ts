import type { BoardExport, ErrorBody, ImportBoardResult } from '@klasteris/contracts';
import { boardApi } from './support/boards-helpers';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

/** What must survive a round trip: everything but ids and export time. */
function shape(b: BoardExport) {
  const col = new Map(b.columns.map((c) => [c.id, c.name]));
  const lab = new Map(b.labels.map((l) => [l.id, l.name]));
  return {
    project: b.project,
    columns: b.columns.map(({ name, wipLimit, archived }) => ({ name, wipLimit, archived })),
    labels: b.labels.map(({ name, color }) => ({ name, color })).sort((x, y) => x.name.localeCompare(y.name)),
    cards: b.cards.map((c) => ({
      column: col.get(c.columnId),
      title: c.title,
      description: c.description,
      labels: c.labelIds.map((l) => lab.get(l)).sort(),
      assignees: c.assignees.map((a) => a.displayName),
      startDate: c.startDate,
      dueDate: c.dueDate,
      checklist: c.checklist,
      archived: c.archived,
      comments: c.comments.map(({ authorName, body }) => ({ authorName, body })),
    })),
  };
}

describe('boards: export and import', () => {
  let t: TestApp;
  let api: ReturnType<typeof boardApi>;
  let owner: string;
  let ownerId: string;
  let outsider: string;
  let projectId: string;

  const importFile = (token: string, json: unknown, format: string, name?: string) => {
    const r = t.http.post('/api/projects/import').set(bearer(token)).field('format', format);
    if (name) r.field('name', name);
    return r.attach('file', Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)), {
      filename: 'board.json',
      contentType: 'application/json',
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = boardApi(t);
    const o = await login(t, 'member@klasteris.demo');
    owner = o.accessToken;
    ownerId = o.user.id;
    outsider = (await login(t, 'jonas@klasteris.demo')).accessToken;
    const p = await api.createProject(owner, { name: 'Rinkos studija: Vokietija', summary: 'Bendras tyrimas', status: 'active' });
    projectId = p.id;
    const b = await api.board(owner, projectId);
    const [todo, doing, review] = b.columns;
    const label = (await t.http.post(`/api/projects/${projectId}/labels`).set(bearer(owner)).send({ name: 'Tyrimas', color: '#00695c' }))
      .body.label.id as string;
    await t.http.patch(`/api/columns/${doing!.id}`).set(bearer(owner)).send({ wipLimit: 2 }).expect(200);
    const a = await api.createCard(owner, {
      projectId,
      columnId: todo!.id,
      title: 'Surinkti ataskaitas',
      description: '**Bitkom**, IDC',
      labelIds: [label],
      assigneeIds: [ownerId],
      dueDate: '2026-12-01',
    });
    await api.createCard(owner, { projectId, columnId: todo!.id, title: 'Second, with "quotes"' });
    await api.createCard(owner, { projectId, columnId: doing!.id, title: '=cmd|calc' });
    const gone = await api.createCard(owner, { projectId, columnId: review!.id, title: 'Archived one' });
    await t.http.patch(`/api/cards/${gone.id}`).set(bearer(owner)).send({ version: 1, archived: true }).expect(200);
    await t.http.post(`/api/cards/${a.id}/checklist`).set(bearer(owner)).send({ text: 'Bitkom' }).expect(201);
    await t.http.post(`/api/cards/${a.id}/comments`).set(bearer(owner)).send({ body: 'Pradėkime nuo Bitkom' }).expect(201);
    const extra = (await t.http.post(`/api/projects/${projectId}/columns`).set(bearer(owner)).send({ name: 'Parked' })).body.column
      .id as string;
    await t.http.post(`/api/columns/${extra}/archive`).set(bearer(owner)).expect(200);
  });
  afterAll(() => t.close());

  it('exports JSON and imports it back into a new project with the same board', async () => {
    const res = await t.http.get(`/api/projects/${projectId}/export`).set(bearer(owner));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const exported = res.body as BoardExport;
    expect(exported.format).toBe('klasteris-board');
    expect(exported.cards.map((c) => c.title)).toEqual(['Surinkti ataskaitas', 'Second, with "quotes"', '=cmd|calc', 'Archived one']);

    const imp = await importFile(owner, exported, 'klasteris', 'Rinkos studija: Vokietija (kopija)');
    expect(imp.status).toBe(201);
    const result = imp.body as ImportBoardResult;
    expect(result.project).toMatchObject({ name: 'Rinkos studija: Vokietija (kopija)', myRole: 'owner' });
    expect(result.imported).toEqual({ columns: 5, cards: 4, labels: 1, checklistItems: 1, comments: 1 });

    const again = (await t.http.get(`/api/projects/${result.project.id}/export`).set(bearer(owner))).body as BoardExport;
    expect(shape(again)).toEqual(shape({ ...exported, project: { ...exported.project, name: 'Rinkos studija: Vokietija (kopija)' } }));
    // The imported board works like any other: cards have versions and move.
    const board = await api.board(owner, result.project.id);
    const first = board.columns[0]!.cards[0]!;
    expect(first).toMatchObject({ title: 'Surinkti ataskaitas', version: 1, commentCount: 1, assigneeIds: [ownerId] });
    await t.http.post(`/api/cards/${first.id}/move`).set(bearer(owner)).send({ version: 1, toColumnId: board.columns[1]!.id }).expect(200);
    await t.http.patch(`/api/cards/${first.id}/checklist/${first.checklist[0]!.id}`).set(bearer(owner)).send({ done: true }).expect(200);
  });

  it('exports CSV with a header, one row per card and formulas neutralised', async () => {
    const res = await t.http.get(`/api/projects/${projectId}/export?format=csv`).set(bearer(owner));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Column,Title,Description,Labels,Assignees,Start date,Due date,Checklist done,Checklist total,Comments,Archived,Created',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^To do,Surinkti ataskaitas,"?\*\*Bitkom\*\*, IDC"?,Tyrimas,Rūta Kazlauskienė,,2026-12-01,0,1,1,no,/);
    expect(lines[2]).toContain('"Second, with ""quotes"""');
    expect(lines[3]).toContain(",'=cmd|calc,");
  });

  it('imports a Trello export (lists, cards, labels, checklists, comments)', async () => {
    const trello = {
      name: 'Baku roadshow',
      lists: [
        { id: 'L1', name: 'Ideas', pos: 1 },
        { id: 'L2', name: 'Booked', pos: 2 },
      ],
      labels: [{ id: 'B', name: 'Travel', color: 'blue' }],
      cards: [
        { id: 'C1', name: 'Flights', idList: 'L2', pos: 1, idLabels: ['B'], due: '2026-12-10T08:00:00.000Z' },
        { id: 'C2', name: 'Partner dinner', idList: 'L1', pos: 5, desc: 'Old city' },
      ],
      checklists: [{ idCard: 'C1', checkItems: [{ name: 'Book', state: 'complete', pos: 1 }] }],
      actions: [
        {
          type: 'commentCard',
          date: '2026-11-01T10:00:00Z',
          memberCreator: { fullName: 'Elvin Mammadov' },
          data: { text: 'Direct flight via Istanbul', card: { id: 'C1' } },
        },
      ],
    };
    const res = await importFile(owner, trello, 'trello');
    expect(res.status).toBe(201);
    const { project, imported } = res.body as ImportBoardResult;
    expect(imported).toEqual({ columns: 2, cards: 2, labels: 1, checklistItems: 1, comments: 1 });
    const b = await api.board(owner, project.id);
    expect(b.project.name).toBe('Baku roadshow');
    expect(b.columns.map((c) => [c.name, c.cards.map((x) => x.title)])).toEqual([
      ['Ideas', ['Partner dinner']],
      ['Booked', ['Flights']],
    ]);
    expect(b.columns[1]!.cards[0]).toMatchObject({
      dueDate: '2026-12-10',
      checklist: [{ text: 'Book', done: true }],
      labelIds: [b.labels[0]!.id],
      commentCount: 1,
    });
    const comments = await t.http.get(`/api/cards/${b.columns[1]!.cards[0]!.id}/comments`).set(bearer(owner));
    expect(comments.body.items[0]).toMatchObject({ authorName: 'Elvin Mammadov', body: 'Direct flight via Istanbul' });
  });

  it('refuses what cannot be imported, and exports only to members', async () => {
    const cases: [unknown, string, number, string][] = [
      ['{not json', 'klasteris', 400, 'IMPORT_INVALID'],
      [{ format: 'something' }, 'klasteris', 400, 'IMPORT_INVALID'],
      [{ name: 'no lists' }, 'trello', 400, 'IMPORT_INVALID'],
      [{ format: 'klasteris-board', columns: [], cards: [] }, 'klasteris', 400, 'IMPORT_INVALID'],
      [{}, 'asana', 400, 'VALIDATION_FAILED'],
    ];
    for (const [json, format, status, code] of cases) {
      const res = await importFile(owner, json, format);
      expect([format, res.status, (res.body as ErrorBody).code]).toEqual([format, status, code]);
    }
    const noFile = await t.http.post('/api/projects/import').set(bearer(owner)).field('format', 'trello');
    expect([noFile.status, (noFile.body as ErrorBody).code]).toEqual([400, 'IMPORT_INVALID']);
    expect((await t.http.get(`/api/projects/${projectId}/export`).set(bearer(outsider))).status).toBe(404);
    expect((await t.http.get(`/api/projects/${projectId}/export?format=xml`).set(bearer(owner))).status).toBe(400);
    expect((await t.http.post('/api/projects/import').field('format', 'trello')).status).toBe(401);
  });
});
