import type { Board, Card, Project } from '@klasteris/contracts';
import { bearer, type TestApp } from './test-app';

/** Small API helpers for the board suites (everything goes through the public HTTP API). */
export function boardApi(t: TestApp) {
  return {
    async createProject(token: string, body: Record<string, unknown> = {}): Promise<Project> {
      const res = await t.http
        .post('/api/projects')
        .set(bearer(token))
        .send({ name: `Project ${Math.random().toString(36).slice(2, 8)}`, ...body });
      if (res.status !== 201) throw new Error(`create project → ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { project: Project }).project;
    },
    async board(token: string, projectId: string): Promise<Board> {
      const res = await t.http.get(`/api/projects/${projectId}/board`).set(bearer(token));
      if (res.status !== 200) throw new Error(`board → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as Board;
    },
    async addMember(token: string, projectId: string, userId: string, role: 'owner' | 'member' | 'observer'): Promise<void> {
      const res = await t.http.post(`/api/projects/${projectId}/members`).set(bearer(token)).send({ userId, role });
      if (res.status !== 201 && res.status !== 200) throw new Error(`add member → ${res.status} ${JSON.stringify(res.body)}`);
    },
    async createCard(token: string, body: Record<string, unknown>): Promise<Card> {
      const res = await t.http.post('/api/cards').set(bearer(token)).send(body);
      if (res.status !== 201) throw new Error(`create card → ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { card: Card }).card;
    },
    async card(token: string, id: string): Promise<Card> {
      const res = await t.http.get(`/api/cards/${id}`).set(bearer(token));
      if (res.status !== 200) throw new Error(`card → ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { card: Card }).card;
    },
  };
}

/** Card ids of a column in board order. */
export const columnOrder = (board: Board, columnId: string): string[] =>
  board.columns.find((c) => c.id === columnId)!.cards.map((c) => c.id);
