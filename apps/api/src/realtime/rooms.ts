export const userRoom = (userId: string): string => `user:${userId}`;
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
export const channelRoom = (channelId: string): string => `channel:${channelId}`;
export const IDENTITY_STALE_ROOM = 'identity:stale';
