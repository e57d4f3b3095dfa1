import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ErrorCode, type Card, type LinkCardMessageRequest } from '@klasteris/contracts';
import { ApiException, notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { MessagesService } from '../chat/messages.service';
import { ActivityService } from '../projects/activity.service';
import { BoardAccessService } from './board-access.service';
import { BoardChanges } from './board-cache';
import { announceUpdated, publicCard } from './card-events';
import { CardsRepository } from './cards.repository';

const cardLinked = (card: Card): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.CardAlreadyLinked, 'The card is already linked to a message', {
    sourceMessage: card.sourceMessage,
  });
const messageLinked = (cardId: string | null | undefined): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.MessageAlreadyLinked, 'The message already shows a card', { cardId: cardId ?? null });

/**
 * Linking an existing card to a chat message ("Link to a card…"): project owners only, and only to a
 * message they may read. One link on each side, never replaced: the message's side is claimed with
 * a conditional write (`cardId: null`), then the card's (`sourceMessage: null`); if the card's side
 * loses a race the message's claim is undone, so a message never shows a card that points elsewhere.
 */
@Injectable()
export class CardLinkService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly cards: CardsRepository,
    private readonly messages: MessagesService,
    private readonly activity: ActivityService,
    private readonly changes: BoardChanges,
    private readonly events: EventEmitter2,
  ) {}

  async link(me: AuthUser, cardId: string, input: LinkCardMessageRequest): Promise<Card> {
    const { project, card } = await this.access.card(me, cardId, 'own');
    const { doc, message } = await this.messages.get(me, input.messageId);
    if (doc.deletedAt) throw notFound('Message');
    if (message.channelId !== input.channelId)
      throw validationFailed([{ field: 'channelId', message: 'is not the channel of the message' }]);
    const same = card.sourceMessage?.messageId === message.id;
    if (same && message.cardId === card.id) return publicCard(card); // asked twice: already so
    if (card.sourceMessage && !same) throw cardLinked(card);
    if (message.cardId && message.cardId !== card.id) throw messageLinked(message.cardId);

    if (!(await this.messages.claimCard(message.id, card.id)) && message.cardId !== card.id) {
      throw messageLinked((await this.messages.get(me, message.id)).message.cardId);
    }
    let linked: Card | null = publicCard(card);
    if (!same) {
      linked = await this.cards.setSourceMessageOnce(project.id, card.id, { channelId: message.channelId, messageId: message.id });
      if (!linked) {
        await this.messages.releaseCard(message.id, card.id);
        const now = await this.cards.findInProject(project.id, card.id);
        if (!now) throw notFound('Card');
        throw cardLinked(now);
      }
      await this.changes.committed(project.id, { kind: 'upsert', card: linked });
      announceUpdated(this.events, linked, []);
    }
    await this.activity.record({
      projectId: project.id,
      cardId: card.id,
      actor: me,
      kind: 'card.linked',
      data: { title: linked.title, channelId: message.channelId, messageId: message.id },
    });
    return linked;
  }
}
