import type { Project } from '@klasteris/contracts';
import { cardTitleFrom, writableProjects } from './card-from-message';

describe('cardTitleFrom', () => {
  it('takes the first line with words, trimmed', () => {
    expect(cardTitleFrom('\n   \n  Order the GPU nodes  \nfor the lab')).toBe('Order the GPU nodes');
  });

  it('drops Markdown marks a title does not need', () => {
    expect(cardTitleFrom('## Book the **Vilnius** rack')).toBe('Book the Vilnius rack');
    expect(cardTitleFrom('> - [ ] ask _Data House_ about `S3` prices')).toBe('ask Data House about S3 prices');
    expect(cardTitleFrom('1. read [the C5 criteria](https://example.org/c5)')).toBe('read the C5 criteria');
    expect(cardTitleFrom('snake_case_name stays')).toBe('snake_case_name stays');
  });

  it('collapses white space', () => {
    expect(cardTitleFrom('a\tb    c')).toBe('a b c');
  });

  it('fits the maximum, cut at a word with an ellipsis', () => {
    const title = cardTitleFrom('alpha beta gamma delta epsilon', 20);
    expect(title).toBe('alpha beta gamma…');
    expect(title.length).toBeLessThanOrEqual(20);
    const long = cardTitleFrom('x'.repeat(50), 20);
    expect(long).toBe(`${'x'.repeat(19)}…`);
    expect(cardTitleFrom('y'.repeat(400))).toHaveLength(300);
  });

  it('is empty for a message without words', () => {
    expect(cardTitleFrom('  \n > \n')).toBe('');
  });
});

describe('writableProjects', () => {
  const project = (id: string, myRole: Project['myRole']): Project => ({ id, myRole }) as Project;
  it('keeps projects where I am owner or member', () => {
    expect(writableProjects([project('a', 'owner'), project('b', 'observer'), project('c', 'member')]).map((p) => p.id)).toEqual(['a', 'c']);
  });
});
