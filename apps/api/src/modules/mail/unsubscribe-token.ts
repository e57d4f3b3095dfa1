import { MailKinds, type MailKind } from '@klasteris/contracts';
import { SignedTokens } from '../../common/signed-token';

export interface UnsubscribeClaim {
  email: string;
  kind: MailKind;
  userId: string | null;
}

/**
 * The token of an unsubscribe link: the recipient and kind, signed, so a link unsubscribes
 * exactly that address from exactly that kind and nobody can forge one for another address.
 */
export class UnsubscribeTokens {
  private readonly tokens: SignedTokens;

  constructor(secret: string) {
    this.tokens = new SignedTokens(secret, 'klasteris mail unsubscribe v1');
  }

  sign(c: UnsubscribeClaim): string {
    return this.tokens.sign([c.email, c.kind, c.userId]);
  }

  verify(token: string): UnsubscribeClaim | null {
    const values = this.tokens.verify(token);
    if (!values || values.length !== 3) return null;
    const [email, kind, userId] = values;
    if (typeof email !== 'string' || !MailKinds.includes(kind as MailKind) || (userId !== null && typeof userId !== 'string')) return null;
    return { email, kind: kind as MailKind, userId };
  }
}
