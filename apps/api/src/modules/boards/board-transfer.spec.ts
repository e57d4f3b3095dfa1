import { csvCell } from '../../common/csv';
import { boardCsv, fromTrello, ImportError, parseBoardExport } from './board-transfer';

const trello = {
  name: 'Almaty roadshow',
  desc: 'Imported from Trello',
  lists: [
    { id: 'l2', name: 'Doing', pos: 200, closed: false },
    { id: 'l1', name: 'To do', pos: 100, closed: false },
    { id: 'l3', name: 'Old', pos: 300, closed: true },
  ],
  labels: [
    { id: 'g', name: 'Logistics', color: 'green_dark' },
    { id: 'x', name: '', color: 'sky' },
  ],
  cards: [
    {
      id: 'c2',
      name: 'Book venue',
      desc: 'Near **Abay** avenue',
      idList: 'l1',
      pos: 2,
      idLabels: ['g', 'missing'],
      due: '2026-12-01T09:00:00.000Z',
      closed: false,
    },
    { id: 'c1', name: 'Visa letters', idList: 'l1', pos: 1, idLabels: [], closed: false },
    { id: 'c3', name: 'Orphan', idList: 'nope', pos: 1 },
    { id: 'c4', name: 'Old card', idList: 'l2', pos: 1, closed: true },
    { id: 'c5', name: '', idList: 'l2', pos: 2 },
  ],
  checklists: [
    {
      id: 'k',
      idCard: 'c2',
      checkItems: [
        { name: 'Second', state: 'incomplete', pos: 2 },
        { name: 'First', state: 'complete', pos: 1 },
      ],
    },
  ],
  actions: [
    {
      type: 'commentCard',
      date: '2026-11-02T10:00:00Z',
      memberCreator: { fullName: 'Aigerim Nurlanova' },
      data: { text: 'Confirmed for 40 people', card: { id: 'c2' } },
    },
    { type: 'updateCard', data: { card: { id: 'c2' } } },
  ],
};

describe('board transfer', () => {
  it('converts a Trello export: lists in order, cards by position, labels, checklists, comments, archived', () => {
    const exp = fromTrello(trello);
    expect(exp.project).toEqual({ name: 'Almaty roadshow', summary: 'Imported from Trello', status: 'active' });
    expect(exp.columns.map((c) => [c.name, c.archived])).toEqual([
      ['To do', false],
      ['Doing', false],
      ['Old', true],
    ]);
    expect(exp.labels).toEqual([
      { id: 'g', name: 'Logistics', color: '#2e7d32' },
      { id: 'x', name: 'sky', color: '#1f5f8b' },
    ]);
    expect(exp.cards.map((c) => c.title)).toEqual(['Visa letters', 'Book venue', 'Old card']);
    const venue = exp.cards[1]!;
    expect(venue).toMatchObject({ columnId: 'l1', labelIds: ['g'], dueDate: '2026-12-01', description: 'Near **Abay** avenue' });
    expect(venue.checklist).toEqual([
      { text: 'First', done: true },
      { text: 'Second', done: false },
    ]);
    expect(venue.comments).toEqual([
      { authorName: 'Aigerim Nurlanova', body: 'Confirmed for 40 people', createdAt: '2026-11-02T10:00:00.000Z' },
    ]);
    expect(exp.cards[2]!.archived).toBe(true);
  });

  it('refuses what is not a board', () => {
    expect(() => fromTrello({ name: 'x' })).toThrow(ImportError);
    expect(() => fromTrello([])).toThrow(ImportError);
    expect(() => parseBoardExport({ format: 'other' })).toThrow(ImportError);
    expect(() => parseBoardExport({ format: 'klasteris-board', columns: [], cards: [] })).toThrow('no columns');
  });

  it('reads our own format back, dropping dangling references and cutting long texts', () => {
    const exp = parseBoardExport({
      format: 'klasteris-board',
      version: 1,
      project: { name: 'P', status: 'weird' },
      columns: [{ id: 'a', name: 'A', wipLimit: 2 }],
      labels: [{ id: 'l', name: 'L', color: '#000000' }],
      cards: [
        {
          id: '1',
          columnId: 'a',
          title: 'x'.repeat(500),
          labelIds: ['l', 'gone'],
          dueDate: 'tomorrow',
          checklist: [{ text: 'i', done: true }, { done: true }],
        },
        { id: '2', columnId: 'gone', title: 'Lost' },
        { id: '3', columnId: 'a', title: '$where', comments: [{ body: 'hi' }] },
      ],
    });
    expect(exp.project.status).toBe('active');
    expect(exp.labels[0]!.color).toBe('#1f5f8b');
    expect(exp.cards.map((c) => c.id)).toEqual(['1', '3']);
    expect(exp.cards[0]!.title).toHaveLength(300);
    expect(exp.cards[0]).toMatchObject({ labelIds: ['l'], dueDate: null, checklist: [{ text: 'i', done: true }] });
    expect(exp.cards[1]!.comments[0]).toMatchObject({ authorName: '?', body: 'hi' });
  });

  it('writes CSV that spreadsheets read safely', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(null)).toBe('');
    const csv = boardCsv(fromTrello(trello));
    expect(csv.startsWith('\uFEFFColumn,Title,')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('To do,Book venue,Near **Abay** avenue,Logistics,,,2026-12-01,1,2,1,no,');
  });
});
