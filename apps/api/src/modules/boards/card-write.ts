import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type CardChangeField, type VersionConflictDetails } from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import { publicCard } from './card-events';
import type { CardsRepository, StoredCard } from './cards.repository';
import { decideMerge } from './merge';

const MAX_ATTEMPTS = 20;

export const versionConflict = (current: StoredCard, fields: CardChangeField[]): ApiException => {
  const details: VersionConflictDetails = { current: publicCard(current), conflictingFields: fields };
  return new ApiException(
    HttpStatus.CONFLICT,
    ErrorCode.VersionConflict,
    'Someone changed this card meanwhile',
    details as unknown as Record<string, unknown>,
  );
};

/**
 * Applies `change` to a card based on version `base`: directly when the card is still there, merged
 * when the versions in between changed other fields, else 409 VERSION_CONFLICT with the current card.
 * The write is conditional on the version just read; a lost race re-reads and decides again.
 */
export async function writeWithMerge(
  cards: CardsRepository,
  first: StoredCard,
  base: number,
  fields: CardChangeField[],
  write: (current: StoredCard) => Promise<StoredCard | null>,
): Promise<{ before: StoredCard; after: StoredCard }> {
  let current = first;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const decision = decideMerge(base, current.version, current.changes, fields);
    if (decision.kind === 'conflict') throw versionConflict(current, decision.fields);
    const after = await write(current);
    if (after) return { before: current, after };
    const again = await cards.findInProject(current.projectId, current.id);
    if (!again) throw notFound('Card');
    current = again;
  }
  throw versionConflict(current, fields);
}
