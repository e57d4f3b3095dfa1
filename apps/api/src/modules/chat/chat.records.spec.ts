import { groupReactions, reactionKey } from './chat.records';

describe('groupReactions', () => {
  it('groups keys by emoji in order of first use, keeping who reacted in order', () => {
    const u1 = '0123456789abcdef01234567';
    const u2 = 'abcdefabcdefabcdefabcdef';
    const keys = [reactionKey(u1, '👍'), reactionKey(u2, '🎉'), reactionKey(u2, '👍'), reactionKey(u1, ':rocket:')];
    expect(groupReactions(keys)).toEqual([
      { emoji: '👍', userIds: [u1, u2] },
      { emoji: '🎉', userIds: [u2] },
      { emoji: ':rocket:', userIds: [u1] },
    ]);
  });
  it('keeps emoji that contain a colon intact', () => {
    expect(groupReactions([reactionKey('0123456789abcdef01234567', ':+1:')])).toEqual([
      { emoji: ':+1:', userIds: ['0123456789abcdef01234567'] },
    ]);
  });
});
