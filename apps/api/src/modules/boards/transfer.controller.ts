import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiFileUpload } from '../../common/api-docs';
import type { Response } from 'express';
import { IMPORT_MAX_BYTES, type BoardExport, type ImportBoardResult } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { boardCsv } from './board-transfer';
import { BoardTransferService } from './board-transfer.service';
import { ExportQueryDto, ImportBoardDto } from './dto/transfer.dto';

const fileName = (name: string, ext: string): string =>
  `${
    name
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 80) || 'board'
  }.${ext}`;

/** Board export (JSON, CSV) and import (our JSON, Trello JSON) as a new project. */
@ApiTags('boards')
@Authenticated()
@Controller('projects')
export class TransferController {
  constructor(private readonly transfer: BoardTransferService) {}

  @Get(':id/export')
  @ApiResponse({
    status: 200,
    description: 'The board as JSON (format=json) or CSV (format=csv)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/BoardExport' } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async export(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Query() q: ExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BoardExport | string> {
    const board = await this.transfer.export(me, id);
    const csv = q.format === 'csv';
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(fileName(board.project.name, csv ? 'csv' : 'json'))}`,
    );
    if (!csv) return board;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return boardCsv(board);
  }

  @Post('import')
  @ApiFileUpload(ImportBoardDto)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }))
  import(
    @CurrentUser() me: AuthUser,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() body: ImportBoardDto,
  ): Promise<ImportBoardResult> {
    return this.transfer.import(me, file?.buffer, body.format, body.name);
  }
}
