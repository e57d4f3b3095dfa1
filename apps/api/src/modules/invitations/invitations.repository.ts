import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types } from 'mongoose';
import type { Invitation } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { InvitationDoc } from './invitation.schema';

export type LeanInvitation = InvitationDoc & { _id: Types.ObjectId };

export const toInvitation = (d: LeanInvitation): Invitation => ({
  id: d._id.toHexString(),
  organisationId: d.organisationId.toHexString(),
  organisationName: d.organisationName,
  email: d.email,
  invitedBy: d.invitedBy.toHexString(),
  expiresAt: d.expiresAt.toISOString(),
  acceptedAt: d.acceptedAt ? d.acceptedAt.toISOString() : null,
  revokedAt: d.revokedAt ? d.revokedAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
});

@Injectable()
export class InvitationsRepository {
  constructor(@InjectModel(InvitationDoc.name) private readonly model: Model<InvitationDoc>) {}

  async create(
    input: Omit<InvitationDoc, 'organisationId' | 'invitedBy' | 'acceptedAt' | 'acceptedUserId' | 'revokedAt' | 'createdAt'> & {
      organisationId: string;
      invitedBy: string;
    },
  ): Promise<LeanInvitation> {
    const doc = await this.model.create({
      ...input,
      organisationId: oid(input.organisationId),
      invitedBy: oid(input.invitedBy),
      createdAt: new Date(),
    });
    return doc.toObject();
  }

  findByTokenHash(tokenHash: string): Promise<LeanInvitation | null> {
    return this.model.findOne({ tokenHash }).lean<LeanInvitation>();
  }

  /** Claims an open invitation exactly once (state in the filter). */
  claim(tokenHash: string, now: Date): Promise<LeanInvitation | null> {
    return this.model
      .findOneAndUpdate(
        { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } },
        { $set: { acceptedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<LeanInvitation>();
  }

  async unclaim(id: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id, acceptedUserId: null }, { $set: { acceptedAt: null } });
  }

  async setAcceptedUser(id: Types.ObjectId, userId: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { acceptedUserId: oid(userId) } });
  }

  /** Revokes open invitations; scoped to the organisation. */
  async revoke(organisationId: string, filter: { id?: string; email?: string }): Promise<number> {
    const q: QueryFilter<InvitationDoc> = { organisationId: oid(organisationId), acceptedAt: null, revokedAt: null };
    if (filter.id) q._id = oid(filter.id);
    if (filter.email) q.email = filter.email;
    const res = await this.model.updateMany(q, { $set: { revokedAt: new Date() } });
    return res.modifiedCount;
  }

  async existsInOrganisation(organisationId: string, id: string): Promise<boolean> {
    return (await this.model.countDocuments({ _id: oid(id), organisationId: oid(organisationId) })) > 0;
  }

  async listForOrganisation(organisationId: string, cursor: string | undefined, limit: number): Promise<Invitation[]> {
    const q: QueryFilter<InvitationDoc> = { organisationId: oid(organisationId) };
    const after = decodeCursor(cursor);
    if (after) {
      const at = new Date(Number(after.k));
      q.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: oid(after.id) } }];
    }
    const docs = await this.model
      .find(q)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<LeanInvitation[]>();
    return docs.map(toInvitation);
  }
}
