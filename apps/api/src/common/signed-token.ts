import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tokens for links in mails that act without a sign-in (unsubscribe, acknowledge an
 * announcement): a JSON array of values, signed with HMAC-SHA256 under a key derived from the
 * app's secret and the link's purpose, so a token made for one purpose, person or subject is
 * worthless for any other and nobody can forge one.
 */
export class SignedTokens {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  sign(values: readonly unknown[]): string {
    const payload = Buffer.from(JSON.stringify(values)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The signed values, or null for anything not signed by us (for this purpose). */
  verify(token: string): unknown[] | null {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return Array.isArray(parsed) ? (parsed as unknown[]) : null;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
