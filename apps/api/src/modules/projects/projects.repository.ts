import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { ProjectStatus } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { containsFolded, foldText } from '../../common/text';
import { ProjectDoc, ProjectRecord } from './project.schema';

type LeanProject = ProjectDoc & { _id: Types.ObjectId };

const toRecord = (d: LeanProject): ProjectRecord => ({
  id: d._id.toHexString(),
  name: d.name,
  nameKey: d.nameKey,
  summary: d.summary ?? null,
  status: d.status,
  organisationIds: (d.organisationIds ?? []).map((o) => o.toHexString()),
  channelId: d.channelId ? d.channelId.toHexString() : null,
  groupId: d.groupId ? d.groupId.toHexString() : null,
  createdBy: d.createdBy.toHexString(),
  memberCount: d.memberCount,
  ownerCount: d.ownerCount,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export interface NewProject {
  name: string;
  summary: string | null;
  status: ProjectStatus;
  organisationIds: string[];
  groupId: string | null;
  createdBy: string;
  seedKey?: string | null;
}

export interface ProjectPatch {
  name?: string;
  summary?: string | null;
  status?: ProjectStatus;
  organisationIds?: string[];
}

@Injectable()
export class ProjectsRepository {
  constructor(@InjectModel(ProjectDoc.name) private readonly model: Model<ProjectDoc>) {}

  /** A new project with its creator counted as the one member and owner. */
  async create(p: NewProject): Promise<ProjectRecord> {
    const doc = await this.model.create({
      name: p.name,
      nameKey: foldText(p.name),
      summary: p.summary,
      status: p.status,
      organisationIds: [...new Set(p.organisationIds)].map(oid),
      groupId: p.groupId ? oid(p.groupId) : null,
      createdBy: oid(p.createdBy),
      memberCount: 1,
      ownerCount: 1,
      seedKey: p.seedKey ?? null,
    });
    return toRecord(doc.toObject() as LeanProject);
  }

  async findById(id: string): Promise<ProjectRecord | null> {
    const d = await this.model.findById(id).lean<LeanProject>();
    return d ? toRecord(d) : null;
  }

  async findBySeedKey(seedKey: string): Promise<ProjectRecord | null> {
    const d = await this.model.findOne({ seedKey }).lean<LeanProject>();
    return d ? toRecord(d) : null;
  }

  async findByIds(ids: string[]): Promise<ProjectRecord[]> {
    if (ids.length === 0) return [];
    return (await this.model.find({ _id: { $in: ids.map(oid) } }).lean<LeanProject[]>()).map(toRecord);
  }

  /** Projects among `ids` (the caller's memberships), keyset-paginated by folded name. */
  async listAmong(ids: string[], q: { status?: ProjectStatus; q?: string; cursor?: string; limit: number }): Promise<ProjectRecord[]> {
    if (ids.length === 0) return [];
    const filter: QueryFilter<ProjectDoc> = { _id: { $in: ids.map(oid) } };
    if (q.status) filter.status = q.status;
    if (q.q) filter.nameKey = { $regex: containsFolded(q.q) };
    const after = decodeCursor(q.cursor);
    if (after) filter.$or = [{ nameKey: { $gt: String(after.k) } }, { nameKey: String(after.k), _id: { $gt: oid(after.id) } }];
    const docs = await this.model
      .find(filter)
      .sort({ nameKey: 1, _id: 1 })
      .limit(q.limit + 1)
      .lean<LeanProject[]>();
    return docs.map(toRecord);
  }

  async update(id: string, patch: ProjectPatch): Promise<ProjectRecord | null> {
    const $set: Record<string, unknown> = {};
    if (patch.name !== undefined) Object.assign($set, { name: patch.name, nameKey: foldText(patch.name) });
    if (patch.summary !== undefined) $set['summary'] = patch.summary;
    if (patch.status !== undefined) $set['status'] = patch.status;
    if (patch.organisationIds !== undefined) $set['organisationIds'] = [...new Set(patch.organisationIds)].map(oid);
    const d = await this.model.findByIdAndUpdate(id, { $set }, { returnDocument: 'after' }).lean<LeanProject>();
    return d ? toRecord(d) : null;
  }

  async setChannel(id: string, channelId: string | null): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { channelId: channelId ? oid(channelId) : null } });
  }

  async addOrganisation(id: string, organisationId: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $addToSet: { organisationIds: oid(organisationId) } });
  }

  async incCounts(id: string, members: number, owners: number): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $inc: { memberCount: members, ownerCount: owners } });
  }

  /** Takes one owner away only if another remains (the guard is in the write). */
  async releaseOwner(id: string): Promise<boolean> {
    const res = await this.model.updateOne({ _id: oid(id), ownerCount: { $gt: 1 } }, { $inc: { ownerCount: -1 } });
    return res.modifiedCount === 1;
  }

  async touch(id: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { updatedAt: new Date() } });
  }
}
