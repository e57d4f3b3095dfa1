import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { CreateLabelRequest, Label, UpdateLabelRequest } from '@klasteris/contracts';
import { notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { BoardRoomEvent } from './boards.events';
import { BoardAccessService } from './board-access.service';
import { LabelsRepository } from './labels.repository';

/**
 * Per-project coloured labels. Deleting a label leaves its id on cards; clients show only ids they
 * find in the board's label list (no mass rewrite of cards, no version bumps).
 */
@Injectable()
export class LabelsService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly labels: LabelsRepository,
    private readonly events: EventEmitter2,
  ) {}

  async list(me: AuthUser, projectId: string): Promise<Label[]> {
    await this.access.project(me, projectId, 'read');
    return this.labels.list(projectId);
  }

  async create(me: AuthUser, projectId: string, req: CreateLabelRequest): Promise<Label> {
    await this.access.project(me, projectId, 'write');
    return this.announce(await this.labels.create(projectId, req), false);
  }

  async update(me: AuthUser, labelId: string, patch: UpdateLabelRequest): Promise<Label> {
    const { project } = await this.access.label(me, labelId, 'write');
    const label = await this.labels.update(project.id, labelId, patch);
    if (!label) throw notFound('Label');
    return this.announce(label, false);
  }

  async delete(me: AuthUser, labelId: string): Promise<void> {
    const { project, label } = await this.access.label(me, labelId, 'write');
    if (!(await this.labels.delete(project.id, labelId))) throw notFound('Label');
    this.announce(label, true);
  }

  private announce(label: Label, deleted: boolean): Label {
    this.events.emit(
      BoardRoomEvent.event,
      new BoardRoomEvent(label.projectId, 'board:label-changed', { projectId: label.projectId, label, deleted }),
    );
    return label;
  }
}
