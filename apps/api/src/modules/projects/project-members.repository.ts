import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { ProjectRole } from '@klasteris/contracts';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { ProjectMemberDoc, ProjectMemberRecord } from './project-member.schema';

type LeanMember = ProjectMemberDoc & { _id: Types.ObjectId };

const toRecord = (d: LeanMember): ProjectMemberRecord => ({
  projectId: d.projectId.toHexString(),
  userId: d.userId.toHexString(),
  role: d.role,
  joinedAt: d.joinedAt,
});

@Injectable()
export class ProjectMembersRepository {
  constructor(@InjectModel(ProjectMemberDoc.name) private readonly model: Model<ProjectMemberDoc>) {}

  /** Adds a member; null when the user is already one (unique (project, user)). */
  async add(projectId: string, userId: string, role: ProjectRole): Promise<ProjectMemberRecord | null> {
    try {
      const doc = await this.model.create({ projectId: oid(projectId), userId: oid(userId), role, joinedAt: new Date() });
      return toRecord(doc.toObject() as LeanMember);
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
  }

  async find(projectId: string, userId: string): Promise<ProjectMemberRecord | null> {
    const d = await this.model.findOne({ projectId: oid(projectId), userId: oid(userId) }).lean<LeanMember>();
    return d ? toRecord(d) : null;
  }

  async listForProject(projectId: string): Promise<ProjectMemberRecord[]> {
    return (
      await this.model
        .find({ projectId: oid(projectId) })
        .sort({ joinedAt: 1, _id: 1 })
        .lean<LeanMember[]>()
    ).map(toRecord);
  }

  async projectIdsForUser(userId: string): Promise<string[]> {
    const rows = await this.model.find({ userId: oid(userId) }, { projectId: 1 }).lean<Pick<LeanMember, 'projectId'>[]>();
    return rows.map((r) => r.projectId.toHexString());
  }

  /** The caller's roles in the given projects. */
  async rolesOf(userId: string, projectIds: string[]): Promise<Map<string, ProjectRole>> {
    if (projectIds.length === 0) return new Map();
    const rows = await this.model.find({ userId: oid(userId), projectId: { $in: projectIds.map(oid) } }).lean<LeanMember[]>();
    return new Map(rows.map((r) => [r.projectId.toHexString(), r.role]));
  }

  /** Changes a role only from the role the caller saw (no double changes). */
  async setRole(projectId: string, userId: string, from: ProjectRole, to: ProjectRole): Promise<ProjectMemberRecord | null> {
    const d = await this.model
      .findOneAndUpdate({ projectId: oid(projectId), userId: oid(userId), role: from }, { $set: { role: to } }, { returnDocument: 'after' })
      .lean<LeanMember>();
    return d ? toRecord(d) : null;
  }

  async remove(projectId: string, userId: string, role: ProjectRole): Promise<boolean> {
    const res = await this.model.deleteOne({ projectId: oid(projectId), userId: oid(userId), role });
    return res.deletedCount === 1;
  }

  async areMembers(projectId: string, userIds: string[]): Promise<boolean> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return true;
    return (await this.model.countDocuments({ projectId: oid(projectId), userId: { $in: unique.map(oid) } })) === unique.length;
  }
}
