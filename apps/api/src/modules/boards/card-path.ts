import type { Card } from '@klasteris/contracts';

/** The web app's address of a card (its board with the card open), for notifications and mails. */
export const cardPath = (c: Pick<Card, 'id' | 'projectId'>): string => `/projects/${c.projectId}/board?card=${c.id}`;
