import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { Label } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { toLabel } from './board.mapper';
import { LabelDoc, LeanLabel } from './label.schema';

@Injectable()
export class LabelsRepository {
  constructor(@InjectModel(LabelDoc.name) private readonly model: Model<LabelDoc>) {}

  async create(projectId: string, l: { name: string; color: string }): Promise<Label> {
    const doc = await this.model.create({ projectId: oid(projectId), ...l });
    return toLabel(doc.toObject() as LeanLabel);
  }

  async list(projectId: string): Promise<Label[]> {
    return (
      await this.model
        .find({ projectId: oid(projectId) })
        .sort({ name: 1, _id: 1 })
        .lean<LeanLabel[]>()
    ).map(toLabel);
  }

  async findInProject(projectId: string, id: string): Promise<Label | null> {
    const d = await this.model.findOne({ _id: oid(id), projectId: oid(projectId) }).lean<LeanLabel>();
    return d ? toLabel(d) : null;
  }

  async projectOf(id: string): Promise<string | null> {
    const d = await this.model.findById(id, { projectId: 1 }).lean<Pick<LeanLabel, 'projectId'>>();
    return d ? d.projectId.toHexString() : null;
  }

  /** True when every id is a label of the project (no labels of another board on a card). */
  async allInProject(projectId: string, ids: string[]): Promise<boolean> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return true;
    return (await this.model.countDocuments({ projectId: oid(projectId), _id: { $in: unique.map(oid) } })) === unique.length;
  }

  async update(projectId: string, id: string, patch: { name?: string; color?: string }): Promise<Label | null> {
    const d = await this.model
      .findOneAndUpdate({ _id: oid(id), projectId: oid(projectId) }, { $set: patch }, { returnDocument: 'after' })
      .lean<LeanLabel>();
    return d ? toLabel(d) : null;
  }

  async delete(projectId: string, id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: oid(id), projectId: oid(projectId) })).deletedCount === 1;
  }
}
