/** Cursor-paginated list: pass `nextCursor` back as `cursor` for the next page; null when done. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 25;

/** ISO 8601 timestamp with offset, e.g. 2026-11-27T07:00:00.000Z */
export type IsoDateTime = string;

export const Languages = ['en', 'lt'] as const;
export type Language = (typeof Languages)[number];
