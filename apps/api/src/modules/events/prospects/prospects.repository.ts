import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { oid } from '../../../common/object-id';
import { AttendanceDoc, type LeanAttendance } from '../event.schema';

/** The prospects (visitor-site registrations) of an event, read for their organisers. */
@Injectable()
export class ProspectsRepository {
  constructor(@InjectModel(AttendanceDoc.name) private readonly model: Model<AttendanceDoc>) {}

  /** Every prospect who answered, in the order they registered. */
  list(eventId: string): Promise<LeanAttendance[]> {
    return this.model
      .find({ eventId: oid(eventId), kind: 'prospect', status: { $ne: 'none' } })
      .sort({ createdAt: 1, _id: 1 })
      .lean<LeanAttendance[]>();
  }

  /** One prospect of this event (scoped to the event: another event's registration is not found). */
  find(eventId: string, id: string): Promise<LeanAttendance | null> {
    return this.model.findOne({ _id: oid(id), eventId: oid(eventId), kind: 'prospect' }).lean<LeanAttendance>();
  }
}
