import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ModerationPolicy } from './moderation-policy';
import { ModerationRepository } from './moderation.repository';
import {
  ModeratorDoc,
  ModeratorSchema,
  MuteDoc,
  MuteSchema,
  ReportDoc,
  ReportSchema,
  SlowMarkDoc,
  SlowMarkSchema,
  WordFilterDoc,
  WordFilterSchema,
} from './moderation.schema';
import { ReportsRepository } from './reports.repository';

/** Moderation state of working groups. Imports no feature module: chat and groups both import it. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ModeratorDoc.name, schema: ModeratorSchema },
      { name: MuteDoc.name, schema: MuteSchema },
      { name: SlowMarkDoc.name, schema: SlowMarkSchema },
      { name: WordFilterDoc.name, schema: WordFilterSchema },
      { name: ReportDoc.name, schema: ReportSchema },
    ]),
  ],
  providers: [ModerationRepository, ReportsRepository, ModerationPolicy],
  exports: [ModerationPolicy],
})
export class ModerationModule {}
