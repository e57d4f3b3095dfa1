import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { ApplyInvitationDoc, type LeanApplyInvitation } from './apply-invitation.schema';

export type NewApplyInvitation = Omit<
  ApplyInvitationDoc,
  'eventId' | 'registrationId' | 'invitedBy' | 'usedAt' | 'applicationId' | 'sent'
> & { eventId: string; registrationId: string; invitedBy: string };

@Injectable()
export class ApplyInvitationsRepository {
  constructor(@InjectModel(ApplyInvitationDoc.name) private readonly model: Model<ApplyInvitationDoc>) {}

  private fields(i: NewApplyInvitation): Partial<ApplyInvitationDoc> {
    return { ...i, eventId: oid(i.eventId), registrationId: oid(i.registrationId), invitedBy: oid(i.invitedBy) };
  }

  /** The new invitation, or null when this address already has one (the unique index decides). */
  async insert(i: NewApplyInvitation): Promise<LeanApplyInvitation | null> {
    try {
      return (await this.model.create({ ...this.fields(i), usedAt: null, applicationId: null, sent: 1 })).toObject() as LeanApplyInvitation;
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
  }

  /** Sends an expired, unused invitation again (new token, source and deadline); null when it is open or used. */
  renew(i: NewApplyInvitation, now: Date): Promise<LeanApplyInvitation | null> {
    return this.model
      .findOneAndUpdate(
        { email: i.email, usedAt: null, applicationId: null, expiresAt: { $lte: now } },
        { $set: this.fields(i), $inc: { sent: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanApplyInvitation>();
  }

  findByTokenHash(tokenHash: string): Promise<LeanApplyInvitation | null> {
    return this.model.findOne({ tokenHash }).lean<LeanApplyInvitation>();
  }

  findByEmails(emails: string[]): Promise<LeanApplyInvitation[]> {
    if (emails.length === 0) return Promise.resolve([]);
    return this.model.find({ email: { $in: emails } }).lean<LeanApplyInvitation[]>();
  }

  /** Claims an open invitation for one submission (state in the filter: of two submissions one wins). */
  claim(tokenHash: string, now: Date): Promise<LeanApplyInvitation | null> {
    return this.model
      .findOneAndUpdate(
        { tokenHash, usedAt: null, applicationId: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<LeanApplyInvitation>();
  }

  /** The submission failed: the invitation is open again. */
  async release(id: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id, applicationId: null }, { $set: { usedAt: null } });
  }

  async settle(id: Types.ObjectId, applicationId: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { applicationId: oid(applicationId) } });
  }

  /** Invitations sent per source event (for the report). */
  async countByEvent(limit = 10_000): Promise<Map<string, { title: string; invited: number }>> {
    const rows = await this.model
      .find({}, { eventId: 1, eventTitle: 1 })
      .limit(limit)
      .lean<Pick<LeanApplyInvitation, 'eventId' | 'eventTitle'>[]>();
    const out = new Map<string, { title: string; invited: number }>();
    for (const r of rows) {
      const k = r.eventId.toHexString();
      const c = out.get(k) ?? { title: r.eventTitle, invited: 0 };
      c.invited++;
      out.set(k, c);
    }
    return out;
  }
}
