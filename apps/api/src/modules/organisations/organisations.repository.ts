import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types } from 'mongoose';
import type { MembershipStatus, OrganisationInput, OrganisationType } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { containsFolded, foldText } from '../../common/text';
import { OrganisationDoc, OrganisationRecord } from './organisation.schema';

type LeanOrg = OrganisationDoc & { _id: Types.ObjectId };

const toRecord = (d: LeanOrg): OrganisationRecord => ({
  id: d._id.toHexString(),
  name: d.name,
  nameKey: d.nameKey,
  type: d.type,
  country: d.country,
  city: d.city ?? null,
  website: d.website ?? null,
  sectors: d.sectors ?? [],
  description: d.description ?? null,
  membershipStatus: d.membershipStatus,
  joinedAt: d.joinedAt ?? null,
});

type OrgFields = Omit<OrganisationRecord, 'id' | 'nameKey'>;

const derived = (o: OrgFields): Pick<OrganisationDoc, 'nameKey' | 'sectorKeys' | 'searchText'> => ({
  nameKey: foldText(o.name),
  sectorKeys: o.sectors.map(foldText),
  searchText: foldText([o.name, o.city ?? '', o.country, ...o.sectors, o.description ?? ''].join(' ')),
});

export interface OrganisationSearch {
  q?: string;
  country?: string;
  type?: OrganisationType;
  sector?: string;
  statuses: MembershipStatus[];
  cursor?: string;
  limit: number;
}

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectModel(OrganisationDoc.name) private readonly model: Model<OrganisationDoc>) {}

  async create(input: OrganisationInput, membershipStatus: MembershipStatus, joinedAt: Date | null = null): Promise<OrganisationRecord> {
    const fields: OrgFields = {
      name: input.name,
      type: input.type,
      country: input.country.toUpperCase(),
      city: input.city ?? null,
      website: input.website ?? null,
      sectors: input.sectors ?? [],
      description: input.description ?? null,
      membershipStatus,
      joinedAt,
    };
    const doc = await this.model.create({ ...fields, ...derived(fields) });
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<OrganisationRecord | null> {
    const d = await this.model.findById(id).lean<LeanOrg>();
    return d ? toRecord(d) : null;
  }

  async findByIds(ids: string[]): Promise<OrganisationRecord[]> {
    if (ids.length === 0) return [];
    return (await this.model.find({ _id: { $in: ids.map(oid) } }).lean<LeanOrg[]>()).map(toRecord);
  }

  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const q: QueryFilter<OrganisationDoc> = { nameKey: foldText(name) };
    if (exceptId) q._id = { $ne: oid(exceptId) };
    return (await this.model.countDocuments(q)) > 0;
  }

  /** Keyset-paginated by folded name. */
  async search(s: OrganisationSearch): Promise<OrganisationRecord[]> {
    const q: QueryFilter<OrganisationDoc> = { membershipStatus: { $in: s.statuses } };
    if (s.q) q.searchText = { $regex: containsFolded(s.q) };
    if (s.country) q.country = s.country.toUpperCase();
    if (s.type) q.type = s.type;
    if (s.sector) q.sectorKeys = foldText(s.sector);
    const after = decodeCursor(s.cursor);
    if (after) q.$or = [{ nameKey: { $gt: String(after.k) } }, { nameKey: String(after.k), _id: { $gt: oid(after.id) } }];
    const docs = await this.model
      .find(q)
      .sort({ nameKey: 1, _id: 1 })
      .limit(s.limit + 1)
      .lean<LeanOrg[]>();
    return docs.map(toRecord);
  }

  /** Every member and partner, for the public summary (the cluster has tens to hundreds, read in one go). */
  async roster(): Promise<OrganisationRecord[]> {
    const docs = await this.model
      .find({ membershipStatus: { $in: ['member', 'partner'] } })
      .sort({ nameKey: 1, _id: 1 })
      .limit(5000)
      .lean<LeanOrg[]>();
    return docs.map(toRecord);
  }

  async update(id: string, patch: Partial<OrgFields>): Promise<OrganisationRecord | null> {
    const current = await this.model.findById(id).lean<LeanOrg>();
    if (!current) return null;
    const next: OrgFields = { ...toRecord(current), ...patch };
    const d = await this.model.findByIdAndUpdate(id, { $set: { ...patch, ...derived(next) } }, { returnDocument: 'after' }).lean<LeanOrg>();
    return d ? toRecord(d) : null;
  }

  /** Conditional membership change: applies only from the given status (no double decisions). */
  async setMembership(id: string, from: MembershipStatus, to: MembershipStatus, joinedAt: Date | null): Promise<OrganisationRecord | null> {
    const d = await this.model
      .findOneAndUpdate({ _id: oid(id), membershipStatus: from }, { $set: { membershipStatus: to, joinedAt } }, { returnDocument: 'after' })
      .lean<LeanOrg>();
    return d ? toRecord(d) : null;
  }

  async deleteApplicant(id: string): Promise<void> {
    await this.model.deleteOne({ _id: oid(id), membershipStatus: 'applicant' });
  }
}
