import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types } from 'mongoose';
import { DEFAULT_TIME_ZONE, type Language, type Role, type UserStatus } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { containsFolded, foldText } from '../../common/text';
import { UserDoc, UserRecord } from './user.schema';

type LeanUser = UserDoc & { _id: Types.ObjectId };

const toRecord = (d: LeanUser): UserRecord => ({
  id: d._id.toHexString(),
  email: d.email,
  passwordHash: d.passwordHash,
  displayName: d.displayName,
  roles: d.roles,
  organisationId: d.organisationId ? d.organisationId.toHexString() : null,
  organisationName: d.organisationName ?? null,
  status: d.status,
  statusReason: d.statusReason ?? null,
  language: d.language,
  timeZone: d.timeZone ?? DEFAULT_TIME_ZONE,
  avatarColor: d.avatarColor,
  initials: d.initials,
  title: d.title ?? null,
  expertise: d.expertise ?? [],
  createdAt: d.createdAt,
  emailVerifiedAt: d.emailVerifiedAt ?? null,
});

const searchTextOf = (u: { displayName: string; email: string; title?: string | null; expertise?: string[] }): string =>
  foldText([u.displayName, u.email, u.title ?? '', ...(u.expertise ?? [])].join(' '));

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  roles: Role[];
  organisationId: string | null;
  organisationName: string | null;
  status: UserStatus;
  language?: Language;
  timeZone?: string;
  avatarColor: string;
  initials: string;
  title?: string | null;
  expertise?: string[];
}

export interface UserSearch {
  q?: string;
  role?: Role;
  status?: UserStatus;
  organisationId?: string;
  organisationIds?: string[];
  expertise?: string;
  cursor?: string;
  limit: number;
}

export type ProfilePatch = Partial<
  Pick<UserRecord, 'displayName' | 'language' | 'timeZone' | 'avatarColor' | 'initials' | 'title' | 'expertise'>
>;

@Injectable()
export class UsersRepository {
  constructor(@InjectModel(UserDoc.name) private readonly model: Model<UserDoc>) {}

  async create(input: NewUser): Promise<UserRecord> {
    const doc = await this.model.create({
      ...input,
      email: input.email.toLowerCase(),
      organisationId: input.organisationId ? oid(input.organisationId) : null,
      searchText: searchTextOf(input),
    });
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<UserRecord | null> {
    const d = await this.model.findById(id).lean<LeanUser>();
    return d ? toRecord(d) : null;
  }

  async findByIds(ids: string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: ids.map(oid) } }).lean<LeanUser[]>();
    return docs.map(toRecord);
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const d = await this.model.findOne({ email: email.toLowerCase() }).lean<LeanUser>();
    return d ? toRecord(d) : null;
  }

  /** Which of these (lower-case) addresses have an account, of any status. */
  async existingEmails(emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const docs = await this.model.find({ email: { $in: emails } }, { email: 1 }).lean<Pick<LeanUser, 'email'>[]>();
    return new Set(docs.map((d) => d.email));
  }

  async count(filter: { status?: UserStatus; role?: Role } = {}): Promise<number> {
    const q: QueryFilter<UserDoc> = {};
    if (filter.status) q.status = filter.status;
    if (filter.role) q.roles = filter.role;
    return this.model.countDocuments(q);
  }

  /** Active users holding a role (e.g. coordinators to notify). */
  async idsWithRole(roles: Role[], organisationId?: string): Promise<string[]> {
    const q: QueryFilter<UserDoc> = { roles: { $in: roles }, status: 'active' };
    if (organisationId) q.organisationId = oid(organisationId);
    const docs = await this.model.find(q, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    return docs.map((d) => d._id.toHexString());
  }

  /** Keyset-paginated search ordered by display name. */
  async search(s: UserSearch): Promise<UserRecord[]> {
    const q: QueryFilter<UserDoc> = {};
    if (s.q) q.searchText = { $regex: containsFolded(s.q) };
    if (s.role) q.roles = s.role;
    if (s.status) q.status = s.status;
    if (s.organisationId) q.organisationId = oid(s.organisationId);
    else if (s.organisationIds) q.organisationId = { $in: s.organisationIds.map(oid) };
    if (s.expertise) q.expertise = s.expertise;
    const after = decodeCursor(s.cursor);
    if (after) {
      q.$or = [{ displayName: { $gt: String(after.k) } }, { displayName: String(after.k), _id: { $gt: oid(after.id) } }];
    }
    const docs = await this.model
      .find(q)
      .sort({ displayName: 1, _id: 1 })
      .limit(s.limit + 1)
      .lean<LeanUser[]>();
    return docs.map(toRecord);
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<UserRecord | null> {
    const current = await this.model.findById(id).lean<LeanUser>();
    if (!current) return null;
    const next = { ...current, ...patch };
    const d = await this.model
      .findByIdAndUpdate(id, { $set: { ...patch, searchText: searchTextOf(next) } }, { returnDocument: 'after' })
      .lean<LeanUser>();
    return d ? toRecord(d) : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { passwordHash } });
  }

  /** The address is proven (the verification link was followed). */
  async markEmailVerified(id: string, at = new Date()): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { emailVerifiedAt: at } });
  }

  /** Switches the sign-in address (lower-cased; the unique index refuses one taken meanwhile). */
  async setEmail(id: string, email: string): Promise<UserRecord | null> {
    const current = await this.model.findById(id).lean<LeanUser>();
    if (!current) return null;
    const next = { ...current, email: email.toLowerCase() };
    const d = await this.model
      .findByIdAndUpdate(
        id,
        { $set: { email: next.email, searchText: searchTextOf(next), emailVerifiedAt: new Date() } },
        { returnDocument: 'after' },
      )
      .lean<LeanUser>();
    return d ? toRecord(d) : null;
  }

  async setRoles(id: string, roles: Role[]): Promise<UserRecord | null> {
    const d = await this.model.findByIdAndUpdate(id, { $set: { roles } }, { returnDocument: 'after' }).lean<LeanUser>();
    return d ? toRecord(d) : null;
  }

  /** Conditional status change: only applies when the current status is one of `from`. */
  async setStatus(id: string, status: UserStatus, reason: string | null, from?: UserStatus[]): Promise<UserRecord | null> {
    const filter: QueryFilter<UserDoc> = { _id: oid(id) };
    if (from) filter.status = { $in: from };
    const d = await this.model
      .findOneAndUpdate(filter, { $set: { status, statusReason: reason } }, { returnDocument: 'after' })
      .lean<LeanUser>();
    return d ? toRecord(d) : null;
  }

  async renameOrganisation(organisationId: string, organisationName: string): Promise<void> {
    await this.model.updateMany({ organisationId: oid(organisationId) }, { $set: { organisationName } });
  }

  /** Member counts per organisation (active people), for the directory. */
  async countByOrganisation(organisationIds: string[]): Promise<Map<string, number>> {
    if (organisationIds.length === 0) return new Map();
    const rows = await this.model.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { organisationId: { $in: organisationIds.map(oid) }, status: 'active' } },
      { $group: { _id: '$organisationId', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), r.n]));
  }
}
