import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsMongoId, IsOptional } from 'class-validator';
import type { BoardEditingRequest, BoardJoinRequest } from '@klasteris/contracts';

/** Socket payloads of the board (validated by realtime/socket-ack.ts with the rules of HTTP bodies). */
export class BoardJoinEvent implements BoardJoinRequest {
  @ApiProperty() @IsMongoId() projectId: string;
}

export class BoardEditingEvent implements BoardEditingRequest {
  @ApiProperty() @IsMongoId() cardId: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() editing?: boolean;
}
