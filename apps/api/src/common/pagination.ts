import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type Page, type PageQuery } from '@klasteris/contracts';
import { ApiException } from './api-exception';
import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@klasteris/contracts';

export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not valid' })
  cursor?: string;
}

/** Keyset cursor over (sortKey, _id): opaque base64url JSON. */
export interface CursorPosition {
  k: string | number;
  id: string;
}

export function encodeCursor(pos: CursorPosition): string {
  return Buffer.from(JSON.stringify(pos)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const { k, id } = parsed as Record<string, unknown>;
      if ((typeof k === 'string' || typeof k === 'number') && typeof id === 'string' && /^[0-9a-f]{24}$/.test(id)) return { k, id };
    }
  } catch {
    // fall through
  }
  throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'cursor is not valid', {
    fields: [{ field: 'cursor', message: 'is not valid' }],
  });
}

/** Builds a page from `limit + 1` rows fetched in order; `key` gives each row's sort key. */
export function toPage<Row extends { id: string }, Out>(
  rows: Row[],
  limit: number,
  key: (r: Row) => string | number,
  map: (r: Row) => Out,
): Page<Out> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: hasMore && last ? encodeCursor({ k: key(last), id: last.id }) : null };
}

export const pageLimit = (q: PageQuery): number => q.limit ?? DEFAULT_PAGE_LIMIT;
