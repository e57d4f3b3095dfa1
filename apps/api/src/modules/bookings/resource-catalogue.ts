import { Injectable } from '@nestjs/common';
import type { ResourceType } from '@klasteris/contracts';
import { decodeCursor } from '../../common/pagination';
import { containsFolded } from '../../common/text';
import { ResourcesRepository, TimelineResource } from './resources.repository';

/** A safety net only: every write of the catalogue bumps its counter long before. */
const TTL_MS = 60_000;
/** Beyond this many resources the timeline pages from the database instead. */
export const MAX_CACHED_RESOURCES = 20_000;

/** Strings in MongoDB's order (the bytes of their UTF-8), not JavaScript's (UTF-16 code units). */
export const utf8Order = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export interface TimelinePageQuery {
  q?: string;
  type?: ResourceType;
  cursor?: string;
  limit: number;
}

/**
 * What the timeline shows of every resource, in catalogue order, kept on this node. A timeline of
 * a thousand resources is ten pages; from the database every page sorts the whole catalogue (the
 * embedded database sorts after reading every row), from here none does. The entry is used only
 * while the catalogue's change counter (ResourcesRepository.catalogueSeq, bumped after every write
 * of a resource, on any node) still reads what it read before loading, so a change made anywhere
 * shows on the next page.
 */
@Injectable()
export class ResourceCatalogue {
  /** rows: null when the catalogue was too big to keep at that seq */
  private entry: { seq: number; at: number; rows: TimelineResource[] | null } | null = null;

  constructor(private readonly resources: ResourcesRepository) {}

  /** One page of the timeline's resources (limit + 1 rows, so the caller sees whether more follow), or null when the catalogue is too big to keep. */
  async page(q: TimelinePageQuery): Promise<TimelineResource[] | null> {
    const rows = await this.rows();
    if (!rows) return null;
    const match = q.q ? containsFolded(q.q) : null;
    const after = decodeCursor(q.cursor);
    const out: TimelineResource[] = [];
    for (const r of rows) {
      if (q.type && r.type !== q.type) continue;
      if (match && !match.test(r.searchText)) continue;
      if (after) {
        const byName = utf8Order(r.nameKey, String(after.k));
        if (byName < 0 || (byName === 0 && r.id <= String(after.id))) continue;
      }
      out.push(r);
      if (out.length > q.limit) break;
    }
    return out;
  }

  private async rows(): Promise<TimelineResource[] | null> {
    const seq = await this.resources.catalogueSeq();
    const e = this.entry;
    if (e && e.seq === seq && Date.now() - e.at < TTL_MS) return e.rows;
    const loaded = await this.resources.timelineRows();
    const rows =
      loaded.length > MAX_CACHED_RESOURCES
        ? null
        : loaded.sort((a, b) => utf8Order(a.nameKey, b.nameKey) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // a slower load that read an older counter does not replace a newer entry
    if (!this.entry || this.entry.seq <= seq) this.entry = { seq, at: Date.now(), rows };
    return rows;
  }
}
