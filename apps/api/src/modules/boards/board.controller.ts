import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Board, Card, Column, Label } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { BoardReadService } from './board-read.service';
import { ColumnsService } from './columns.service';
import { CreateColumnDto, CreateLabelDto, MoveColumnDto, UpdateColumnDto, UpdateLabelDto } from './dto/columns.dto';
import { LabelsService } from './labels.service';

/** The board of a project, its columns and its labels. */
@ApiTags('boards')
@Authenticated()
@Controller()
export class BoardController {
  constructor(
    private readonly boards: BoardReadService,
    private readonly columns: ColumnsService,
    private readonly labels: LabelsService,
  ) {}

  @Get('projects/:id/board')
  board(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<Board> {
    return this.boards.board(me, id);
  }

  /** Archived columns and cards. */
  @Get('projects/:id/archive')
  archive(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ columns: Column[]; cards: Card[] }> {
    return this.boards.archive(me, id);
  }

  @Post('projects/:id/columns')
  async createColumn(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: CreateColumnDto,
  ): Promise<{ column: Column }> {
    return { column: await this.columns.create(me, id, body) };
  }

  @Patch('columns/:id')
  async updateColumn(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateColumnDto,
  ): Promise<{ column: Column }> {
    return { column: await this.columns.update(me, id, body) };
  }

  @Post('columns/:id/move')
  @HttpCode(200)
  async moveColumn(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: MoveColumnDto,
  ): Promise<{ column: Column }> {
    return { column: await this.columns.move(me, id, body) };
  }

  @Post('columns/:id/archive')
  @HttpCode(200)
  async archiveColumn(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ column: Column }> {
    return { column: await this.columns.setArchived(me, id, true) };
  }

  @Post('columns/:id/restore')
  @HttpCode(200)
  async restoreColumn(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ column: Column }> {
    return { column: await this.columns.setArchived(me, id, false) };
  }

  @Get('projects/:id/labels')
  async listLabels(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ items: Label[]; nextCursor: null }> {
    return { items: await this.labels.list(me, id), nextCursor: null };
  }

  @Post('projects/:id/labels')
  async createLabel(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: CreateLabelDto,
  ): Promise<{ label: Label }> {
    return { label: await this.labels.create(me, id, body) };
  }

  @Patch('labels/:id')
  async updateLabel(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateLabelDto,
  ): Promise<{ label: Label }> {
    return { label: await this.labels.update(me, id, body) };
  }

  @Delete('labels/:id')
  @HttpCode(204)
  async deleteLabel(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    await this.labels.delete(me, id);
  }
}
