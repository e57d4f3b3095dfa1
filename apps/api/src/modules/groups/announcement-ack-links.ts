import { Injectable } from '@nestjs/common';
import { ANNOUNCEMENT_ACK_PATH } from '@klasteris/contracts';
import { SignedTokens } from '../../common/signed-token';
import { AppConfig } from '../../config/app-config';

/** The mailed link that acknowledges an announcement without a sign-in: signed [groupId, announcementId, userId], so it acts for exactly that person. */
@Injectable()
export class AnnouncementAckLinks {
  private readonly tokens: SignedTokens;

  constructor(config: AppConfig) {
    this.tokens = new SignedTokens(config.jwtSecret, 'klasteris announcement ack v1');
  }

  path(groupId: string, announcementId: string, userId: string): string {
    return `${ANNOUNCEMENT_ACK_PATH}?token=${encodeURIComponent(this.tokens.sign([groupId, announcementId, userId]))}`;
  }

  /** What a token we signed names, or null for anything else. */
  read(token: string): { groupId: string; announcementId: string; userId: string } | null {
    const values = this.tokens.verify(token);
    if (!values || values.length !== 3 || !values.every((v) => typeof v === 'string')) return null;
    const [groupId, announcementId, userId] = values as [string, string, string];
    return { groupId, announcementId, userId };
  }
}
