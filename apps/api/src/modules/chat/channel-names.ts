import { foldText } from '../../common/text';

/**
 * The name of a channel that belongs to something with a title and an id (a project, an event):
 * `Cloud computing market study: United Kingdom` + `…3f2a` → `cloud-computing-market-study-united-kingdom-3f2a`.
 * The id's tail keeps two things of the same title apart.
 */
export function ownedChannelName(title: string, ownerId: string, fallback: string): string {
  const slug = foldText(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || fallback}-${ownerId.slice(-4)}`;
}
