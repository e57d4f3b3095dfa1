import type { ChannelRole } from '@klasteris/contracts';
import type { EventFacts } from '../events/event-policy';
import { rosterChanges, type RosterPerson } from './roster';

const G = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const NO_ORGANISER_IDS = { groupId: null, projectId: null, organisationId: null };
const event = (over: Partial<EventFacts> = {}): EventFacts => ({
  organiserType: 'cluster',
  visibility: 'members',
  state: 'published',
  ...NO_ORGANISER_IDS,
  ...over,
});
const person = (id: string, over: Partial<RosterPerson> = {}): RosterPerson => ({
  id,
  active: true,
  roles: ['member'],
  organisationId: null,
  inGroup: false,
  moderatesGroup: false,
  inProject: false,
  ownsProject: false,
  ...over,
});
const coordinator = person('coord', { roles: ['coordinator'] });
const people = (...ps: RosterPerson[]): Map<string, RosterPerson> => new Map([coordinator, ...ps].map((p) => [p.id, p]));

describe('rosterChanges: who is in an event channel', () => {
  it('adds the people going as members and the creator as owner; leaves out nobody else', () => {
    const c = rosterChanges({
      event: event(),
      createdBy: 'coord',
      going: new Set(['ana', 'ben']),
      current: new Map(),
      people: people(person('ana'), person('ben'), person('cid')),
    });
    expect(c.add).toEqual([
      { userId: 'ana', role: 'member' },
      { userId: 'ben', role: 'member' },
      { userId: 'coord', role: 'owner' },
    ]);
    expect(c.remove).toEqual([]);
  });

  it('removes whoever stopped going (declined, maybe, waitlisted: not in `going`), keeps the organisers', () => {
    const current = new Map<string, ChannelRole>([
      ['coord', 'owner'],
      ['ana', 'member'],
      ['ben', 'member'],
    ]);
    const c = rosterChanges({
      event: event(),
      createdBy: 'coord',
      going: new Set(['ben']),
      current,
      people: people(person('ana'), person('ben')),
    });
    expect(c).toEqual({ add: [], remove: ['ana'] });
  });

  it('a coordinator who only answered going leaves when they stop; one who opened the chat as organiser (owner) stays', () => {
    const other = person('coord2', { roles: ['coordinator'] });
    const third = person('coord3', { roles: ['coordinator'] });
    const current = new Map<string, ChannelRole>([
      ['coord', 'owner'],
      ['coord2', 'member'],
      ['coord3', 'owner'],
    ]);
    expect(rosterChanges({ event: event(), createdBy: 'coord', going: new Set(), current, people: people(other, third) }).remove).toEqual([
      'coord2',
    ]);
  });

  it("follows the visibility: a group event keeps only the group's people, an owner who no longer runs it leaves", () => {
    const current = new Map<string, ChannelRole>([
      ['coord', 'owner'],
      ['ana', 'member'],
      ['ben', 'member'],
      ['mod', 'owner'],
    ]);
    const c = rosterChanges({
      event: event({ organiserType: 'group', groupId: G, visibility: 'group' }),
      createdBy: 'coord',
      going: new Set(['ana', 'ben']),
      current,
      people: people(person('ana', { inGroup: true }), person('ben'), person('mod', { inGroup: true })),
    });
    expect(c).toEqual({ add: [], remove: ['ben', 'mod'] });
  });

  it('never adds inactive or unknown accounts, and takes them out', () => {
    const c = rosterChanges({
      event: event(),
      createdBy: 'coord',
      going: new Set(['ana', 'ghost']),
      current: new Map<string, ChannelRole>([
        ['coord', 'owner'],
        ['ana', 'member'],
      ]),
      people: people(person('ana', { active: false })),
    });
    expect(c).toEqual({ add: [], remove: ['ana'] });
  });

  it('changes nothing while the event is a draft or cancelled (the channel is frozen once cancelled)', () => {
    for (const state of ['draft', 'cancelled'] as const)
      expect(
        rosterChanges({
          event: event({ state }),
          createdBy: 'coord',
          going: new Set(['ana']),
          current: new Map(),
          people: people(person('ana')),
        }),
      ).toEqual({ add: [], remove: [] });
  });
});
