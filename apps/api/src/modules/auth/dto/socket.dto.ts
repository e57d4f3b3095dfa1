import { ApiProperty } from '@nestjs/swagger';
import { IsJWT } from 'class-validator';
import type { SocketAuthRefreshPayload } from '@klasteris/contracts';

/** Socket payload of `auth:refresh` (validated by realtime/socket-ack.ts with the rules of HTTP bodies). */
export class AuthRefreshEvent implements SocketAuthRefreshPayload {
  @ApiProperty() @IsJWT() token: string;
}
