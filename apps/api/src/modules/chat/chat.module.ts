import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { ModerationModule } from '../moderation/moderation.module';
import { UsersModule } from '../users/users.module';
import { AttachmentDoc, AttachmentSchema } from './attachment.schema';
import { attachmentUploadOptions } from '../files/attachment-store';
import { FilesModule } from '../files/files.module';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { ChannelAccessService } from './channel-access.service';
import { ChannelFactsCache } from './channel-facts';
import { ChannelHoleDoc, ChannelHoleSchema } from './channel-hole.schema';
import { ChannelMemberDoc, ChannelMemberSchema } from './channel-member.schema';
import { ChannelDoc, ChannelSchema } from './channel.schema';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { MessageDoc, MessageSchema } from './message.schema';
import { MessageViewService } from './message-view.service';
import { MessageWriterService } from './message-writer.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { MembersRepository } from './members.repository';
import { HolesRepository } from './holes.repository';
import { ReadStateService } from './read-state.service';
import { SearchService } from './search.service';
import { SendGate } from './send-gate';
import { ChatDigestSource } from './digest-source.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ChannelDoc.name, schema: ChannelSchema },
      { name: ChannelMemberDoc.name, schema: ChannelMemberSchema },
      { name: MessageDoc.name, schema: MessageSchema },
      { name: AttachmentDoc.name, schema: AttachmentSchema },
      { name: ChannelHoleDoc.name, schema: ChannelHoleSchema },
    ]),
    MulterModule.registerAsync({ inject: [AppConfig], useFactory: attachmentUploadOptions }),
    UsersModule,
    ModerationModule,
    AuditModule,
    FilesModule,
  ],
  controllers: [ChannelsController, MessagesController],
  providers: [
    ChannelsRepository,
    MembersRepository,
    MessagesRepository,
    HolesRepository,
    ReadStateService,
    AttachmentsRepository,
    ChannelAccessService,
    ChannelFactsCache,
    ChannelsService,
    MessageViewService,
    MessageWriterService,
    MessagesService,
    SearchService,
    AttachmentsService,
    SendGate,
    ChatDigestSource,
  ],
  exports: [
    ChatDigestSource,
    ChannelsService,
    MessageWriterService,
    MessagesService,
    ChannelAccessService,
    ChannelFactsCache,
    MembersRepository,
  ],
})
export class ChatModule {}
