import { createHmac, timingSafeEqual } from 'node:crypto';
import { MailKinds, type MailKind } from '@klasteris/contracts';

export interface UnsubscribeClaim {
  email: string;
  kind: MailKind;
  userId: string | null;
}

/**
 * The token of an unsubscribe link: the recipient and kind, signed (HMAC-SHA256 with a key derived
 * from JWT_SECRET), so a link unsubscribes exactly that address from exactly that kind and nobody
 * can forge one for another address.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('klasteris mail unsubscribe v1').digest();
  }

  sign(c: UnsubscribeClaim): string {
    const payload = Buffer.from(JSON.stringify([c.email, c.kind, c.userId])).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify(token: string): UnsubscribeClaim | null {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Array.isArray(parsed) || parsed.length !== 3) return null;
      const [email, kind, userId] = parsed as unknown[];
      if (typeof email !== 'string' || !MailKinds.includes(kind as MailKind) || (userId !== null && typeof userId !== 'string')) return null;
      return { email, kind: kind as MailKind, userId };
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
