import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { ChannelHoleDoc } from './channel-hole.schema';
import { ChannelDoc } from './channel.schema';

/** The root `ord`s of a channel that do not count as unread (ChannelHoleDoc) and the channel's `holeMax`. */
@Injectable()
export class HolesRepository {
  constructor(
    @InjectModel(ChannelHoleDoc.name) private readonly model: Model<ChannelHoleDoc>,
    @InjectModel(ChannelDoc.name) private readonly channels: Model<ChannelDoc>,
  ) {}

  /**
   * Records holes (idempotent: the unique index keeps one per ord), then raises the channel's
   * `holeMax`: a reader that sees the new `holeMax` finds the holes.
   */
  async add(channelId: string, ords: number[]): Promise<void> {
    if (ords.length === 0) return;
    try {
      await this.model.insertMany(
        ords.map((ord) => ({ channelId: oid(channelId), ord })),
        { ordered: false },
      );
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    await this.channels.updateOne({ _id: oid(channelId) }, { $max: { holeMax: Math.max(...ords) } });
  }

  /** The holes after..upTo of each channel asked for, in one query. */
  async inRanges(ranges: { channelId: string; after: number; upTo: number }[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    const open = ranges.filter((r) => r.upTo > r.after);
    if (open.length === 0) return out;
    const docs = await this.model
      .find(
        {
          channelId: { $in: open.map((r) => oid(r.channelId)) },
          $or: open.map((r) => ({ channelId: oid(r.channelId), ord: { $gt: r.after, $lte: r.upTo } })),
        },
        { channelId: 1, ord: 1 },
      )
      .lean<{ channelId: Types.ObjectId; ord: number }[]>();
    for (const d of docs) {
      const k = d.channelId.toHexString();
      out.set(k, [...(out.get(k) ?? []), d.ord]);
    }
    return out;
  }
}
