import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { BoardSeqDoc } from './board-seq.schema';

/** The board's change counter (see BoardCache): kept by the board itself, not on the project document. */
@Injectable()
export class BoardSeqRepository {
  constructor(@InjectModel(BoardSeqDoc.name) private readonly model: Model<BoardSeqDoc>) {}

  async current(projectId: string): Promise<number> {
    const d = await this.model.findById(oid(projectId)).lean<BoardSeqDoc>();
    return d?.seq ?? 0;
  }

  /** Counts one change of the board's cards (atomic `$inc`); returns the new number. */
  async bump(projectId: string): Promise<number> {
    const inc = async (): Promise<number> => {
      const d = await this.model
        .findOneAndUpdate({ _id: oid(projectId) }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' })
        .lean<BoardSeqDoc>();
      return d?.seq ?? 0;
    };
    try {
      return await inc();
    } catch (err) {
      // two first changes of a board raced to create its counter: the loser's upsert hit the _id; the counter exists now
      if (isDuplicateKeyError(err)) return inc();
      throw err;
    }
  }
}
