import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { BookingPolicy, ResourceAttribute, ResourceStatus, ResourceType } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { containsFolded, foldText } from '../../common/text';
import { ResourceDoc, ResourceRecord } from './resource.schema';

type LeanResource = ResourceDoc & { _id: Types.ObjectId };

const toRecord = (d: LeanResource): ResourceRecord => ({
  id: d._id.toHexString(),
  name: d.name,
  nameKey: d.nameKey,
  type: d.type,
  organisationId: d.organisationId.toHexString(),
  organisationName: d.organisationName,
  location: d.location ?? null,
  description: d.description ?? null,
  attributes: d.attributes ?? [],
  capacity: d.capacity,
  timeZone: d.timeZone,
  status: d.status,
  policy: d.policy,
  createdAt: d.createdAt,
});

export type ResourceFields = Omit<ResourceRecord, 'id' | 'nameKey' | 'createdAt'>;

export const attributeKey = (a: ResourceAttribute): string => `${foldText(a.key)}:${foldText(a.value)}`;

const derived = (r: ResourceFields): Pick<ResourceDoc, 'nameKey' | 'attributeKeys' | 'searchText'> => ({
  nameKey: foldText(r.name),
  attributeKeys: r.attributes.map(attributeKey),
  searchText: foldText(
    [r.name, r.organisationName, r.location ?? '', r.description ?? '', ...r.attributes.map((a) => `${a.key} ${a.value}`)].join(' '),
  ),
});

export interface ResourceSearch {
  q?: string;
  type?: ResourceType;
  organisationId?: string;
  attribute?: string;
  excludeIds?: string[];
  onlyAvailable?: boolean;
  cursor?: string;
  limit: number;
}

@Injectable()
export class ResourcesRepository {
  constructor(@InjectModel(ResourceDoc.name) private readonly model: Model<ResourceDoc>) {}

  async create(r: ResourceFields): Promise<ResourceRecord> {
    const doc = await this.model.create({ ...r, organisationId: oid(r.organisationId), ...derived(r) });
    return toRecord(doc.toObject() as LeanResource);
  }

  async findById(id: string): Promise<ResourceRecord | null> {
    const d = await this.model.findById(id).lean<LeanResource>();
    return d ? toRecord(d) : null;
  }

  async findByName(name: string): Promise<ResourceRecord | null> {
    const d = await this.model.findOne({ nameKey: foldText(name) }).lean<LeanResource>();
    return d ? toRecord(d) : null;
  }

  async findByIds(ids: string[]): Promise<ResourceRecord[]> {
    if (ids.length === 0) return [];
    return (await this.model.find({ _id: { $in: ids.map(oid) } }).lean<LeanResource[]>()).map(toRecord);
  }

  /** Ids of resources owned by the given organisations (for approval queues). */
  async idsOwnedBy(organisationIds: string[]): Promise<string[]> {
    const docs = await this.model.find({ organisationId: { $in: organisationIds.map(oid) } }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    return docs.map((d) => d._id.toHexString());
  }

  /** The catalogue, keyset-paginated by folded name. Every member sees it; booking rights are per resource. */
  async search(s: ResourceSearch): Promise<ResourceRecord[]> {
    const q: QueryFilter<ResourceDoc> = {};
    if (s.q) q.searchText = { $regex: containsFolded(s.q) };
    if (s.type) q.type = s.type;
    if (s.organisationId) q.organisationId = oid(s.organisationId);
    if (s.attribute) {
      const [k, ...v] = s.attribute.split(':');
      q.attributeKeys = attributeKey({ key: k ?? '', value: v.join(':') });
    }
    if (s.onlyAvailable) q.status = 'available';
    const ands: QueryFilter<ResourceDoc>[] = [];
    if (s.excludeIds?.length) ands.push({ _id: { $nin: s.excludeIds.map(oid) } });
    const after = decodeCursor(s.cursor);
    if (after) ands.push({ $or: [{ nameKey: { $gt: String(after.k) } }, { nameKey: String(after.k), _id: { $gt: oid(after.id) } }] });
    if (ands.length) q.$and = ands;
    const docs = await this.model
      .find(q)
      .sort({ nameKey: 1, _id: 1 })
      .limit(s.limit + 1)
      .lean<LeanResource[]>();
    return docs.map(toRecord);
  }

  async update(id: string, patch: Partial<ResourceFields>): Promise<ResourceRecord | null> {
    const current = await this.model.findById(id).lean<LeanResource>();
    if (!current) return null;
    const next: ResourceFields = { ...toRecord(current), ...patch };
    // Capacity only grows, and the filter says so: a concurrent shrink can never slip through.
    const filter: QueryFilter<ResourceDoc> = { _id: oid(id) };
    if (patch.capacity !== undefined) filter.capacity = { $lte: patch.capacity };
    const d = await this.model
      .findOneAndUpdate(filter, { $set: { ...patch, ...derived(next) } }, { returnDocument: 'after' })
      .lean<LeanResource>();
    return d ? toRecord(d) : null;
  }

  async setStatus(id: string, status: ResourceStatus): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { status } });
  }

  async setPolicy(id: string, policy: BookingPolicy): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { policy } });
  }
}
