import type { Card, Project } from '@klasteris/contracts';
import { cardTitleFrom, ownedProjects, pickableCards, type PickableCard, writableProjects } from './card-from-message';

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
    expect(writableProjects([project('a', 'owner'), project('b', 'observer'), project('c', 'member')]).map((p) => p.id)).toEqual([
      'a',
      'c',
    ]);
  });
});

describe('ownedProjects', () => {
  it('keeps the projects I own', () => {
    const project = (id: string, myRole: Project['myRole']): Project => ({ id, myRole }) as Project;
    expect(
      ownedProjects([project('a', 'owner'), project('b', 'member'), project('c', 'observer'), project('d', 'owner')]).map((p) => p.id),
    ).toEqual(['a', 'd']);
  });
});

describe('pickableCards', () => {
  const pc = (id: string, title: string, linked = false): PickableCard => ({ card: { id, title } as Card, columnName: 'To do', linked });
  const cards = [
    pc('1', 'Sign the Žinutė contract', true),
    pc('2', 'Order GPU nodes'),
    pc('3', 'Draft the contract'),
    pc('4', 'Book the rack'),
  ];

  it('finds every word of the query in the title, ignoring case and accents', () => {
    expect(pickableCards(cards, 'CONTRACT').map((c) => c.card.id)).toEqual(['3', '1']);
    expect(pickableCards(cards, 'zinute contract').map((c) => c.card.id)).toEqual(['1']);
    expect(pickableCards(cards, 'gpu rack')).toEqual([]);
  });

  it('lists everything for an empty query, cards free to link first, otherwise in board order', () => {
    expect(pickableCards(cards, '  ').map((c) => c.card.id)).toEqual(['2', '3', '4', '1']);
  });
});
