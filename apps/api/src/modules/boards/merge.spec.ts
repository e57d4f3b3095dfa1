import { appendChange, CHANGE_LOG_KEEP, decideMerge, type ChangeEntry } from './merge';

describe('card change merge', () => {
  const log: ChangeEntry[] = [
    { v: 2, f: 'title' },
    { v: 3, f: 'position' },
    { v: 4, f: 'labelIds,dueDate' },
  ];

  it('applies a change based on the current version', () => {
    expect(decideMerge(4, 4, log, ['title'])).toEqual({ kind: 'apply' });
  });

  it('merges a stale change whose fields nobody touched since', () => {
    expect(decideMerge(1, 4, log, ['description', 'assigneeIds'])).toEqual({ kind: 'apply' });
    expect(decideMerge(2, 4, log, ['title'])).toEqual({ kind: 'apply' });
  });

  it('refuses a stale change that overlaps, naming the overlapping fields', () => {
    expect(decideMerge(1, 4, log, ['title', 'description'])).toEqual({ kind: 'conflict', fields: ['title'] });
    expect(decideMerge(3, 4, log, ['dueDate', 'labelIds', 'title'])).toEqual({ kind: 'conflict', fields: ['dueDate', 'labelIds'] });
    expect(decideMerge(2, 4, log, ['position'])).toEqual({ kind: 'conflict', fields: ['position'] });
  });

  it('refuses versions from the future, non-integers and changes older than the kept log', () => {
    expect(decideMerge(5, 4, log, ['title']).kind).toBe('conflict');
    expect(decideMerge(0, 4, log, ['description']).kind).toBe('conflict');
    expect(decideMerge(1.5, 4, log, ['description']).kind).toBe('conflict');
    expect(decideMerge(1, 4, log.slice(1), ['description'])).toEqual({ kind: 'conflict', fields: ['description'] });
  });

  it('keeps the newest entries only', () => {
    let l: ChangeEntry[] = [];
    for (let v = 2; v < CHANGE_LOG_KEEP + 20; v++) l = appendChange(l, v, ['title', 'title']);
    expect(l).toHaveLength(CHANGE_LOG_KEEP);
    expect(l[l.length - 1]).toEqual({ v: CHANGE_LOG_KEEP + 19, f: 'title' });
    expect(decideMerge(CHANGE_LOG_KEEP + 19 - CHANGE_LOG_KEEP, CHANGE_LOG_KEEP + 19, l, ['description']).kind).toBe('apply');
    expect(decideMerge(CHANGE_LOG_KEEP + 18 - CHANGE_LOG_KEEP, CHANGE_LOG_KEEP + 19, l, ['description']).kind).toBe('conflict');
  });
});
