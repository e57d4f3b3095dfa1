import { HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import { Types } from 'mongoose';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException } from './api-exception';

export const isObjectId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{24}$/.test(value);

export const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

/** Route param pipe: a 24-hex id or 400 VALIDATION_FAILED naming the param. */
@Injectable()
export class ObjectIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: { data?: string }): string {
    if (isObjectId(value)) return value;
    const field = meta.data ?? 'id';
    throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, `${field} is not a valid id`, {
      fields: [{ field, message: 'is not a valid id' }],
    });
  }
}
