import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { BookingPolicy, ResourceAttribute, ResourceStatus, ResourceType } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { containsFolded, foldText } from '../../common/text';
import { CatalogueSeqDoc } from './catalogue-seq.schema';
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

/** What a timeline row shows of a resource, and what the timeline filters and pages by. */
export type TimelineResource = Pick<
  ResourceRecord,
  'id' | 'name' | 'nameKey' | 'type' | 'capacity' | 'timeZone' | 'organisationName' | 'status'
> & { searchText: string };

const CATALOGUE = 'resources';

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
  constructor(
    @InjectModel(ResourceDoc.name) private readonly model: Model<ResourceDoc>,
    @InjectModel(CatalogueSeqDoc.name) private readonly seqs: Model<CatalogueSeqDoc>,
  ) {}

  async create(r: ResourceFields): Promise<ResourceRecord> {
    const doc = await this.model.create({ ...r, organisationId: oid(r.organisationId), ...derived(r) });
    await this.changed();
    return toRecord(doc.toObject() as LeanResource);
  }

  /** The catalogue's change counter: every write here bumps it after writing (ResourceCatalogue reads it before the rows). */
  async catalogueSeq(): Promise<number> {
    return (await this.seqs.findById(CATALOGUE).lean<CatalogueSeqDoc>())?.seq ?? 0;
  }

  private async changed(): Promise<void> {
    const inc = () => this.seqs.updateOne({ _id: CATALOGUE }, { $inc: { seq: 1 } }, { upsert: true });
    try {
      await inc();
    } catch (err) {
      // two first changes raced to create the counter: the loser's upsert hit the _id; it exists now
      if (!isDuplicateKeyError(err)) throw err;
      await inc();
    }
  }

  /** Every resource as the timeline shows it, in catalogue order (folded name, then id), in one reply. */
  async timelineRows(): Promise<TimelineResource[]> {
    const docs = await this.model
      .find({}, { name: 1, nameKey: 1, type: 1, capacity: 1, timeZone: 1, organisationName: 1, status: 1, searchText: 1 })
      .sort({ nameKey: 1, _id: 1 })
      .batchSize(100_000)
      .lean<
        Pick<LeanResource, '_id' | 'name' | 'nameKey' | 'type' | 'capacity' | 'timeZone' | 'organisationName' | 'status' | 'searchText'>[]
      >();
    return docs.map(({ _id, ...d }) => ({ id: _id.toHexString(), ...d }));
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
      // a batch larger than the limit: the first reply closes the cursor (no killCursors round trip)
      .batchSize(s.limit + 2)
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
    if (d) await this.changed();
    return d ? toRecord(d) : null;
  }

  async setStatus(id: string, status: ResourceStatus): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { status } });
    await this.changed();
  }

  async setPolicy(id: string, policy: BookingPolicy): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { policy } });
    await this.changed();
  }
}
