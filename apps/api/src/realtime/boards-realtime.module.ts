import { Module } from '@nestjs/common';
import { BoardsModule } from '../modules/boards/boards.module';
import { ProjectsModule } from '../modules/projects/projects.module';
import { BoardsGateway } from './boards.gateway';

/** Board rooms, viewers and editing presence; maps board domain events to `board:<projectId>`. */
@Module({ imports: [ProjectsModule, BoardsModule], providers: [BoardsGateway] })
export class BoardsRealtimeModule {}
