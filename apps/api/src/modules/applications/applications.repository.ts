import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types } from 'mongoose';
import type { ApplicationStatus, MembershipApplication, OrganisationInput } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { ApplicationDoc } from './application.schema';

type LeanApplication = ApplicationDoc & { _id: Types.ObjectId };

export const toApplication = (d: LeanApplication): MembershipApplication => ({
  id: d._id.toHexString(),
  organisation: d.organisation,
  organisationId: d.organisationId.toHexString(),
  contact: {
    displayName: d.contact.displayName,
    email: d.contact.email,
    title: d.contact.title ?? null,
    userId: d.contact.userId.toHexString(),
  },
  motivation: d.motivation,
  status: d.status,
  decidedBy: d.decidedBy ? d.decidedBy.toHexString() : null,
  decidedAt: d.decidedAt ? d.decidedAt.toISOString() : null,
  reason: d.reason,
  createdAt: d.createdAt.toISOString(),
  source: d.source ? { eventId: d.source.eventId.toHexString(), eventTitle: d.source.eventTitle } : null,
});

/** What the report counts of an application. */
export interface ApplicationFacts {
  status: ApplicationStatus;
  country: string;
  eventId: string | null;
  eventTitle: string | null;
}

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectModel(ApplicationDoc.name) private readonly model: Model<ApplicationDoc>) {}

  async create(input: {
    organisation: OrganisationInput;
    organisationId: string;
    contact: { displayName: string; email: string; title: string | null; userId: string };
    motivation: string;
    source: { eventId: string; eventTitle: string; invitationId: string } | null;
  }): Promise<MembershipApplication> {
    const src = input.source;
    const doc = await this.model.create({
      source: src ? { eventId: oid(src.eventId), eventTitle: src.eventTitle, invitationId: oid(src.invitationId) } : null,
      organisation: input.organisation,
      organisationId: oid(input.organisationId),
      contact: { ...input.contact, userId: oid(input.contact.userId) },
      motivation: input.motivation,
      createdAt: new Date(),
    });
    return toApplication(doc.toObject());
  }

  async findById(id: string): Promise<MembershipApplication | null> {
    const d = await this.model.findById(id).lean<LeanApplication>();
    return d ? toApplication(d) : null;
  }

  /** Newest first; optional status filter. */
  async list(q: { status?: ApplicationStatus; cursor?: string; limit: number }): Promise<MembershipApplication[]> {
    const f: QueryFilter<ApplicationDoc> = {};
    if (q.status) f.status = q.status;
    const after = decodeCursor(q.cursor);
    if (after) {
      const at = new Date(Number(after.k));
      f.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: oid(after.id) } }];
    }
    const docs = await this.model
      .find(f)
      .sort({ createdAt: -1, _id: -1 })
      .limit(q.limit + 1)
      .lean<LeanApplication[]>();
    return docs.map(toApplication);
  }

  /** Decides a pending application exactly once: the status is part of the filter. */
  async decide(
    id: string,
    status: Exclude<ApplicationStatus, 'pending'>,
    decidedBy: string,
    reason: string | null,
  ): Promise<MembershipApplication | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), status: 'pending' },
        { $set: { status, decidedBy: oid(decidedBy), decidedAt: new Date(), reason } },
        { returnDocument: 'after' },
      )
      .lean<LeanApplication>();
    return d ? toApplication(d) : null;
  }

  async findByIds(ids: Types.ObjectId[]): Promise<MembershipApplication[]> {
    if (ids.length === 0) return [];
    return (await this.model.find({ _id: { $in: ids } }).lean<LeanApplication[]>()).map(toApplication);
  }

  /** The facts the report counts, of at most `limit` applications (newest first). */
  async facts(limit = 10_000): Promise<ApplicationFacts[]> {
    const rows = await this.model
      .find({}, { status: 1, 'organisation.country': 1, source: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<Pick<LeanApplication, 'status' | 'organisation' | 'source'>[]>();
    return rows.map((r) => ({
      status: r.status,
      country: r.organisation?.country ?? '—',
      eventId: r.source ? r.source.eventId.toHexString() : null,
      eventTitle: r.source?.eventTitle ?? null,
    }));
  }

  countPending(): Promise<number> {
    return this.model.countDocuments({ status: 'pending' });
  }
}
