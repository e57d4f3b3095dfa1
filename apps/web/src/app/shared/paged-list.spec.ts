import { Subject } from 'rxjs';
import type { Page, PageQuery } from '@klasteris/contracts';
import { PagedList } from './paged-list';

interface Q {
  status?: string;
}

describe('PagedList', () => {
  it('pages with the cursor, restarts on a new query and patches items', () => {
    const calls: (Q & PageQuery)[] = [];
    const responses: Subject<Page<{ id: string }>>[] = [];
    const list = new PagedList<{ id: string }, Q>(
      (q) => {
        calls.push(q);
        const s = new Subject<Page<{ id: string }>>();
        responses.push(s);
        return s;
      },
      { status: 'pending' },
      2,
    );

    list.reload();
    expect(calls[0]).toEqual({ status: 'pending', limit: 2 });
    responses[0]!.next({ items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'n1' });
    list.loadMore();
    expect(calls[1]).toEqual({ status: 'pending', limit: 2, cursor: 'n1' });
    responses[1]!.next({ items: [{ id: 'c' }], nextCursor: null });
    expect(list.items().map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(list.hasMore()).toBe(false);

    list.patch((i) => i.id === 'b', null);
    expect(list.items().map((i) => i.id)).toEqual(['a', 'c']);

    list.setQuery({ status: 'approved' });
    expect(calls[2]).toEqual({ status: 'approved', limit: 2 });
    responses[2]!.next({ items: [{ id: 'z' }], nextCursor: null });
    expect(list.items().map((i) => i.id)).toEqual(['z']);
  });
});
