import { DateTime } from 'luxon';
import type { Types } from 'mongoose';
import { CARD_DUE_MAILS_LEASE, CardDueMails } from '../src/modules/boards/card-due-mails.service';
import { boardApi } from './support/boards-helpers';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

/** Card mails, each read from a real SMTP server: assignment, and the 08:00 due-tomorrow / overdue mails. */
describe('mails of cards', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let api: ReturnType<typeof boardApi>;
  let owner: string;
  let ownerName: string;
  let member: string; // reads Lithuanian
  let memberId: string;
  let member2Id: string;
  const outbox = () => t.connection.collection('mail_outbox');

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'INFOBALT ICT Cluster <portal@cluster.example>', MAIL_POLL_MS: '200' });
    api = boardApi(t);
    const o = await login(t, 'coordinator@klasteris.demo');
    owner = o.accessToken;
    ownerName = o.user.displayName;
    const m = await login(t, 'member@klasteris.demo');
    member = m.accessToken;
    memberId = m.user.id;
    const m2 = await login(t, 'member2@klasteris.demo');
    member2Id = m2.user.id;
    expect((await t.http.patch('/api/auth/me').set(bearer(member)).send({ language: 'lt' })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const project = async (name: string) => {
    const p = await api.createProject(owner, { name });
    await api.addMember(owner, p.id, memberId, 'member');
    await api.addMember(owner, p.id, member2Id, 'member');
    const board = await api.board(owner, p.id);
    return { p, todo: board.columns[0]!.id, done: board.columns[board.columns.length - 1]!.id };
  };

  it('assigning someone mails them the card (never oneself); adding an assignee mails only the new one', async () => {
    const { p, todo } = await project('Smart grid pilot');
    const card = await api.createCard(owner, {
      projectId: p.id,
      columnId: todo,
      title: 'Draft the <i>bid</i>',
      assigneeIds: [member2Id, (await login(t, 'coordinator@klasteris.demo')).user.id],
      dueDate: '2031-05-04',
    });
    const mail = await smtp.waitFor((m) => m.to.includes('member2@klasteris.demo') && m.subject.includes('Draft the'));
    expect(mail.subject).toBe(`${ownerName} assigned you “Draft the <i>bid</i>”`);
    expect(mail.text).toContain('Project: Smart grid pilot');
    expect(mail.text).toContain('Due: Sun, 4 May 2031');
    expect(mail.html).not.toContain('<i>bid</i>');
    expect(mail.link(`${t.config.publicUrl}/projects/`)).toBe(`${t.config.publicUrl}/projects/${p.id}/board?card=${card.id}`);
    expect(mail.header('List-Unsubscribe')).toMatch(/^<http.*\/api\/mail\/unsubscribe\?token=/);

    const patched = await t.http
      .patch(`/api/cards/${card.id}`)
      .set(bearer(owner))
      .send({ version: card.version, assigneeIds: [member2Id, memberId] });
    expect(patched.status).toBe(200);
    const lt = await smtp.waitFor((m) => m.to.includes('member@klasteris.demo') && m.subject.includes('Draft the'));
    expect(lt.subject).toBe(`${ownerName} priskyrė jums „Draft the <i>bid</i>“`);
    expect(lt.text).toContain('Projektas: Smart grid pilot');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter((m) => m.subject.includes('Draft the'))).toHaveLength(2);
    expect(smtp.received.some((m) => m.to.includes('coordinator@klasteris.demo') && m.subject.includes('Draft the'))).toBe(false);
  });

  it('at 08:00 in the person’s zone: one mail of cards due tomorrow, one of cards that became overdue; once a day, once per cluster', async () => {
    const today = DateTime.now().setZone('Europe/Vilnius').startOf('day');
    const d = (days: number) => today.plus({ days }).toISODate()!;
    const at = (hh: number, mm: number) => today.set({ hour: hh, minute: mm }).toJSDate();
    // fresh people, so the demo's own cards (due around today) stay out of the counts
    const en = await newMember(t, { displayName: 'Ona Morning' });
    const lt = await newMember(t, { displayName: 'Jonas Rytas' });
    // this one lives in Tokyo (UTC+9): their morning comes seven or six hours before Vilnius's
    expect((await t.http.patch('/api/auth/me').set(bearer(lt.accessToken)).send({ language: 'lt', timeZone: 'Asia/Tokyo' })).status).toBe(
      200,
    );
    const p = await api.createProject(owner, { name: 'Data space' });
    await api.addMember(owner, p.id, en.user.id, 'member');
    await api.addMember(owner, p.id, lt.user.id, 'member');
    const board = await api.board(owner, p.id);
    const todo = board.columns[0]!.id;
    const done = board.columns[board.columns.length - 1]!.id;
    const card = (title: string, dueDate: string, assigneeIds = [en.user.id], columnId = todo) =>
      api.createCard(owner, { projectId: p.id, columnId, title, assigneeIds, dueDate });
    const both = await card('Send the budget', d(1), [en.user.id, lt.user.id]);
    await card('Sign the consortium agreement', d(-1));
    await card('Already done', d(1), [en.user.id], done);
    const archived = await card('Archived one', d(1));
    expect(
      (await t.http.patch(`/api/cards/${archived.id}`).set(bearer(owner)).send({ version: archived.version, archived: true })).status,
    ).toBe(200);
    await card('Due today', d(0));
    await card('Due in two days', d(2));
    await card('Long overdue', d(-5));
    const job = t.app.get(CardDueMails);
    const morningMails = () =>
      outbox().countDocuments({ kind: { $in: ['card.due_tomorrow', 'card.overdue'] }, toEmail: { $in: [en.email, lt.email] } });

    await job.run(at(7, 59));
    expect(await morningMails()).toBe(0);
    await job.run(at(8, 5));
    expect(await morningMails()).toBe(2); // 08:05 in Vilnius is afternoon in Tokyo
    // 08:30 in Tokyo on the same date (small hours in Vilnius): the Tokyo person's mail
    await job.run(DateTime.fromISO(`${d(0)}T08:30`, { zone: 'Asia/Tokyo' }).toJSDate());
    expect(await morningMails()).toBe(3);
    await job.run(at(8, 10));
    await job.run(at(9, 55));
    await job.run(DateTime.fromISO(`${d(0)}T09:55`, { zone: 'Asia/Tokyo' }).toJSDate());
    expect(await morningMails()).toBe(3);

    const due = await smtp.waitFor((m) => m.to.includes(en.email) && /due tomorrow/i.test(m.subject));
    expect(due.subject).toBe('Due tomorrow: “Send the budget”');
    expect(due.text).toMatch(/^Hello Ona Morning,/);
    expect(due.text).toContain('Data space · due ');
    expect(due.link(`${t.config.publicUrl}/projects/`)).toBe(`${t.config.publicUrl}/projects/${p.id}/board?card=${both.id}`);
    expect(due.text).not.toMatch(/Already done|Archived one|Due today|Due in two days/);
    expect(due.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const overdue = await smtp.waitFor((m) => m.to.includes(en.email) && m.subject.startsWith('Overdue'));
    expect(overdue.subject).toBe('Overdue: “Sign the consortium agreement”');
    expect(overdue.text).not.toContain('Long overdue');
    const ltMail = await smtp.waitFor((m) => m.to.includes(lt.email) && m.subject.startsWith('Rytoj terminas'));
    expect(ltMail.subject).toBe('Rytoj terminas: „Send the budget“');
    await new Promise((r) => setTimeout(r, 500));
    expect(
      smtp.received
        .filter((m) => m.to.includes(en.email) || m.to.includes(lt.email))
        .filter((m) => !/assigned you|priskyrė/.test(m.subject)),
    ).toHaveLength(3);

    // Once per cluster: while another node holds the job's lease, this node's run does nothing.
    await t.connection
      .collection('leases')
      .updateOne(
        { _id: CARD_DUE_MAILS_LEASE as unknown as Types.ObjectId },
        { $set: { owner: 'another-node', until: new Date(Date.now() + 60_000) } },
        { upsert: true },
      );
    const tomorrowMorning = today.plus({ days: 1 }).set({ hour: 8, minute: 30 }).toJSDate();
    await job.tick(tomorrowMorning);
    expect(await morningMails()).toBe(3);
    await t.connection
      .collection('leases')
      .updateOne({ _id: CARD_DUE_MAILS_LEASE as unknown as Types.ObjectId }, { $set: { until: new Date(0) } });
    await job.tick(tomorrowMorning);
    // The next morning is a new day: "Send the budget" is due today (no mail), "Due in two days" is due tomorrow, "Due today" became overdue.
    const next = await smtp.waitFor((m) => m.to.includes(en.email) && m.subject === 'Due tomorrow: “Due in two days”');
    expect(next.text).not.toContain('Send the budget');
    await smtp.waitFor((m) => m.to.includes(en.email) && m.subject === 'Overdue: “Due today”');
    expect(await morningMails()).toBe(5);
  });
});
