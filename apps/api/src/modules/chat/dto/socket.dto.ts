import { IsIn, IsInt, IsMongoId, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import type {
  ChannelReadPayload,
  DeleteMessagePayload,
  EditMessagePayload,
  PresenceSetPayload,
  ReactionTogglePayload,
  SendMessagePayload,
  TypingPayload,
} from '@klasteris/contracts';
import { MessageBodyFields, PostMessageDto } from './chat.dto';

export class SendMessageEvent extends PostMessageDto implements SendMessagePayload {
  @IsMongoId() channelId: string;
}

export class EditMessageEvent extends MessageBodyFields implements EditMessagePayload {
  @IsMongoId() messageId: string;
}

export class DeleteMessageEvent implements DeleteMessagePayload {
  @IsMongoId() messageId: string;
}

/** One emoji (with modifiers/ZWJ sequences) or a :short_code:. */
export const EMOJI_PATTERN = /^(?:(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f){1,16}|:[a-z0-9_+-]{1,30}:)$/u;

export class ReactionToggleEvent implements ReactionTogglePayload {
  @IsMongoId() messageId: string;
  @IsString() @MinLength(1) @MaxLength(32) @Matches(EMOJI_PATTERN, { message: 'emoji must be one emoji or a :short_code:' }) emoji: string;
}

export class TypingEvent implements TypingPayload {
  @IsMongoId() channelId: string;
}

export class ChannelReadEventDto implements ChannelReadPayload {
  @IsMongoId() channelId: string;
  @IsInt() @Min(0) seq: number;
}

export class PresenceSetEvent implements PresenceSetPayload {
  @IsIn(['online', 'away']) status: 'online' | 'away';
}
