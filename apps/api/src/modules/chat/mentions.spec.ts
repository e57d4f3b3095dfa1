import { parseMentions, searchTerms } from './mentions';

describe('parseMentions', () => {
  const a = '0123456789abcdef01234567';
  const b = 'abcdefabcdefabcdefabcdef';
  it('finds user tokens once each and @channel / @here as words', () => {
    expect(parseMentions(`<@${a}> and <@${b}> and again <@${a}>`)).toEqual({ userIds: [a, b], channel: false });
    expect(parseMentions('@channel please read').channel).toBe(true);
    expect(parseMentions('hi @here').channel).toBe(true);
    expect(parseMentions('mail me at team@channel.lt').channel).toBe(false);
    expect(parseMentions('@channels are not @channel_x').channel).toBe(false);
  });
  it('ignores malformed tokens', () => {
    expect(parseMentions('<@123> <@zzzzzzzzzzzzzzzzzzzzzzzz>').userIds).toEqual([]);
  });
});

describe('searchTerms', () => {
  it('folds case and Lithuanian diacritics and splits on punctuation', () => {
    expect(searchTerms('Duomenų centras: GPU-mazgai, Ąžuolas!')).toEqual(['duomenu', 'centras', 'gpu', 'mazgai', 'azuolas']);
  });
  it('drops mention tokens and repeats', () => {
    expect(searchTerms('<@0123456789abcdef01234567> rack rack')).toEqual(['rack']);
  });
});
