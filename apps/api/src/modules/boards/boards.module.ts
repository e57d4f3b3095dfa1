import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { attachmentUploadOptions } from '../files/attachment-store';
import { ChatModule } from '../chat/chat.module';
import { FilesModule } from '../files/files.module';
import { LeasesModule } from '../leases/leases.module';
import { MailModule } from '../mail/mail.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { BoardAccessService } from './board-access.service';
import { BoardCache, BoardChanges } from './board-cache';
import { BoardController } from './board.controller';
import { BoardReadService } from './board-read.service';
import { BoardSetupListener } from './board-setup.listener';
import { BoardTransferService } from './board-transfer.service';
import { CardBookingsService } from './card-bookings.service';
import { CardAttachmentsController } from './card-attachments.controller';
import { CardAttachmentsRepository } from './card-attachments.repository';
import { CardAttachmentsService } from './card-attachments.service';
import { CardCreateService } from './card-create.service';
import { CardDueMails } from './card-due-mails.service';
import { CardEditService } from './card-edit.service';
import { CardLinkService } from './card-link.service';
import { CardMoveService } from './card-move.service';
import { CardPlacementService } from './card-placement.service';
import { CardRefsService } from './card-refs.service';
import { CardDoc, CardSchema } from './card.schema';
import { CardsController } from './cards.controller';
import { CardsRepository } from './cards.repository';
import { ChecklistService } from './checklist.service';
import { ColumnDoc, ColumnSchema } from './column.schema';
import { ColumnsRepository } from './columns.repository';
import { ColumnsService } from './columns.service';
import { CommentDoc, CommentSchema } from './comment.schema';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { BoardSeqDoc, BoardSeqSchema } from './board-seq.schema';
import { BoardSeqRepository } from './board-seq.repository';
import { LabelDoc, LabelSchema } from './label.schema';
import { LabelsRepository } from './labels.repository';
import { LabelsService } from './labels.service';
import { TransferController } from './transfer.controller';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CardDoc.name, schema: CardSchema },
      { name: ColumnDoc.name, schema: ColumnSchema },
      { name: LabelDoc.name, schema: LabelSchema },
      { name: CommentDoc.name, schema: CommentSchema },
      { name: BoardSeqDoc.name, schema: BoardSeqSchema },
    ]),
    ProjectsModule,
    ChatModule,
    FilesModule,
    MailModule,
    LeasesModule,
    UsersModule,
    // card attachments take the same upload limit as chat (the import endpoint sets its own)
    MulterModule.registerAsync({ inject: [AppConfig], useFactory: attachmentUploadOptions }),
  ],
  controllers: [BoardController, CardsController, CardAttachmentsController, TransferController],
  providers: [
    CardsRepository,
    CardAttachmentsRepository,
    ColumnsRepository,
    LabelsRepository,
    CommentsRepository,
    BoardAccessService,
    BoardCache,
    BoardSeqRepository,
    BoardChanges,
    CardRefsService,
    CardPlacementService,
    BoardReadService,
    CardCreateService,
    CardEditService,
    CardLinkService,
    CardMoveService,
    ChecklistService,
    CommentsService,
    ColumnsService,
    LabelsService,
    BoardSetupListener,
    BoardTransferService,
    CardAttachmentsService,
    CardBookingsService,
    CardDueMails,
  ],
  exports: [
    CardsRepository,
    ColumnsRepository,
    LabelsRepository,
    CommentsRepository,
    ColumnsService,
    CardCreateService,
    CardBookingsService,
  ],
})
export class BoardsModule {}
