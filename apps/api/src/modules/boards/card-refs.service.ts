import { Injectable } from '@nestjs/common';
import { validationFailed } from '../../common/api-exception';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import { LabelsRepository } from './labels.repository';

/** Checks what a card may point at: assignees are members of its project, labels are labels of its project. */
@Injectable()
export class CardRefsService {
  constructor(
    private readonly members: ProjectMembersRepository,
    private readonly labels: LabelsRepository,
  ) {}

  async check(
    projectId: string,
    refs: { assigneeIds?: string[]; labelIds?: string[]; startDate?: string | null; dueDate?: string | null },
  ): Promise<void> {
    const errors: { field: string; message: string }[] = [];
    if (refs.assigneeIds && !(await this.members.areMembers(projectId, refs.assigneeIds)))
      errors.push({ field: 'assigneeIds', message: 'must be members of the project' });
    if (refs.labelIds && !(await this.labels.allInProject(projectId, refs.labelIds)))
      errors.push({ field: 'labelIds', message: 'must be labels of this board' });
    if (refs.startDate && refs.dueDate && refs.startDate > refs.dueDate)
      errors.push({ field: 'dueDate', message: 'must not be before startDate' });
    if (errors.length > 0) throw validationFailed(errors);
  }
}
