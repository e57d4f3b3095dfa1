import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Activity, Card, CardComment, CardWithContext, CommentHistory, Page } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { BoardReadService } from './board-read.service';
import { CardCreateService } from './card-create.service';
import { CardEditService } from './card-edit.service';
import { CardLinkService } from './card-link.service';
import { CardMoveService } from './card-move.service';
import { ChecklistService } from './checklist.service';
import { CommentsService } from './comments.service';
import {
  AddChecklistItemDto,
  CreateCardDto,
  CreateCommentDto,
  UpdateCommentDto,
  DeleteCardQueryDto,
  LinkCardMessageDto,
  MoveCardDto,
  MyCardsQueryDto,
  UpdateCardDto,
  UpdateChecklistItemDto,
} from './dto/cards.dto';

@ApiTags('boards')
@Authenticated()
@Controller('cards')
export class CardsController {
  constructor(
    private readonly reads: BoardReadService,
    private readonly creates: CardCreateService,
    private readonly edits: CardEditService,
    private readonly moves: CardMoveService,
    private readonly checklist: ChecklistService,
    private readonly comments: CommentsService,
    private readonly links: CardLinkService,
  ) {}

  /** Open cards assigned to me across my projects. */
  @Get('mine')
  mine(@CurrentUser() me: AuthUser, @Query() q: MyCardsQueryDto): Promise<Page<CardWithContext>> {
    return this.reads.myCards(me, { due: q.due, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Post()
  async create(@CurrentUser() me: AuthUser, @Body() body: CreateCardDto): Promise<{ card: Card }> {
    return { card: await this.creates.create(me, body) };
  }

  @Get(':id')
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ card: Card }> {
    return { card: await this.reads.card(me, id) };
  }

  /** Changes fields based on `version`: 200 with version + 1 (merged if others changed other fields), or 409 VERSION_CONFLICT. */
  @Patch(':id')
  async update(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: UpdateCardDto): Promise<{ card: Card }> {
    return { card: await this.edits.update(me, id, body) };
  }

  /** Links this (existing) card to a chat message: the message then shows the card, the card links back to the message. */
  @Post(':id/source-message')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ card } with its sourceMessage; the message shows the card to its channel live' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: ids malformed, or channelId is not the channel of the message' })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not an owner of the card's project" })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such card in a project of mine, or no message I may read' })
  @ApiConflictResponse({ description: 'CARD_ALREADY_LINKED (details.sourceMessage) or MESSAGE_ALREADY_LINKED (details.cardId)' })
  async linkMessage(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: LinkCardMessageDto,
  ): Promise<{ card: Card }> {
    return { card: await this.links.link(me, id, body) };
  }

  @Post(':id/move')
  @HttpCode(200)
  async move(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: MoveCardDto): Promise<{ card: Card }> {
    return { card: await this.moves.move(me, id, body) };
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: DeleteCardQueryDto): Promise<void> {
    await this.edits.delete(me, id, q.version);
  }

  @Post(':id/checklist')
  async addItem(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: AddChecklistItemDto,
  ): Promise<{ card: Card }> {
    return { card: await this.checklist.add(me, id, body.text) };
  }

  @Patch(':id/checklist/:itemId')
  async updateItem(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('itemId', ObjectIdPipe) itemId: string,
    @Body() body: UpdateChecklistItemDto,
  ): Promise<{ card: Card }> {
    return { card: await this.checklist.update(me, id, itemId, body) };
  }

  @Delete(':id/checklist/:itemId')
  async removeItem(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('itemId', ObjectIdPipe) itemId: string,
  ): Promise<{ card: Card }> {
    return { card: await this.checklist.remove(me, id, itemId) };
  }

  @Get(':id/comments')
  listComments(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: PageQueryDto): Promise<Page<CardComment>> {
    return this.comments.list(me, id, q.cursor, pageLimit(q));
  }

  @Post(':id/comments')
  async addComment(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<{ comment: CardComment }> {
    return { comment: await this.comments.add(me, id, body.body) };
  }

  @Patch(':id/comments/:commentId')
  @ApiOkResponse({ description: 'The edited comment; the earlier version is kept in its history' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not its author (or an observer)' })
  @ApiConflictResponse({ description: 'CONFLICT: edited by another request meanwhile' })
  async editComment(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('commentId', ObjectIdPipe) commentId: string,
    @Body() body: UpdateCommentDto,
  ): Promise<{ comment: CardComment }> {
    return { comment: await this.comments.edit(me, id, commentId, body.body) };
  }

  @Get(':id/comments/:commentId/history')
  commentHistory(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('commentId', ObjectIdPipe) commentId: string,
  ): Promise<CommentHistory> {
    return this.comments.history(me, id, commentId);
  }

  @Delete(':id/comments/:commentId')
  @ApiOkResponse({ description: 'The tombstone that stays in the thread' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: neither its author nor a project owner or cluster staff' })
  async deleteComment(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('commentId', ObjectIdPipe) commentId: string,
  ): Promise<{ comment: CardComment }> {
    return { comment: await this.comments.remove(me, id, commentId) };
  }

  @Get(':id/activity')
  activity(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: PageQueryDto): Promise<Page<Activity>> {
    return this.reads.cardActivity(me, id, q.cursor, pageLimit(q));
  }
}
