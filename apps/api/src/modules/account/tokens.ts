import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the mail carries. */
export const newToken = (): string => randomBytes(32).toString('base64url');
/** What the database keeps: the token's sha256, so a copy of the database opens no account. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
