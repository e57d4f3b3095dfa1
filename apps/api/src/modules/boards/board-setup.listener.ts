import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DEFAULT_COLUMNS_BY_LANGUAGE } from '@klasteris/contracts';
import { ProjectCreatedEvent } from '../projects/projects.events';
import { ColumnsService } from './columns.service';

/** A new project's board starts with the default columns (awaited by the creating request). */
@Injectable()
export class BoardSetupListener {
  constructor(private readonly columns: ColumnsService) {}

  @OnEvent(ProjectCreatedEvent.event, { suppressErrors: false })
  async onProjectCreated(e: ProjectCreatedEvent): Promise<void> {
    if (e.defaultColumns) await this.columns.createDefaults(e.project.id, DEFAULT_COLUMNS_BY_LANGUAGE[e.language]);
  }
}
