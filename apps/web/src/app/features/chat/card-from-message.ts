import { CARD_TITLE_MAX, type Card, type Project } from '@klasteris/contracts';

/**
 * A card title from a chat message: its first line that has words in it, with the Markdown marks
 * a title does not need taken off (headings, quotes, list bullets, emphasis, code, link targets),
 * white space collapsed, and cut at a word boundary to fit `max` (an ellipsis marks the cut).
 */
export function cardTitleFrom(text: string, max: number = CARD_TITLE_MAX): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => stripInlineMarkdown(l.replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)*/, '')))
      .find((l) => l.length > 0) ?? '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Projects in which I may create cards (owners and members; observers only read). */
export function writableProjects(projects: readonly Project[]): Project[] {
  return projects.filter((p) => p.myRole === 'owner' || p.myRole === 'member');
}

/** Projects whose cards I may link to a message (owners only). */
export function ownedProjects(projects: readonly Project[]): Project[] {
  return projects.filter((p) => p.myRole === 'owner');
}

/** A card in the "Link to a card…" picker: its column, and whether a message already has it. */
export interface PickableCard {
  card: Card;
  columnName: string;
  linked: boolean;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The picker's cards whose title holds every word of `query` (case and accents ignored: "sutartis"
 * finds "Sutartis", "zinute" finds "Žinutė"), free cards before those already linked, else in board order.
 */
export function pickableCards(cards: readonly PickableCard[], query: string): PickableCard[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hits = cards.filter((c) => {
    const title = fold(c.card.title);
    return words.every((w) => title.includes(w));
  });
  return [...hits.filter((c) => !c.linked), ...hits.filter((c) => c.linked)];
}
