import type { INestApplication } from '@nestjs/common';
import ical, { type VEvent } from 'node-ical';
import { FixedClock, NotificationChannel } from '@app/common';
import { NotificationDispatcher } from '@app/messaging';
import { CapturedMail, startSmtpCapture } from '@app/testing';
import { CREATE_SESSION, createWorld, FIXTURE_PASSWORD, sessionInput, World } from '../../api/test/fixtures';
import { dataOf, TestApi } from '../../api/test/test-api';
import { MessageRig, startMessageRig } from './message-rig';

const NOW = '2026-08-15T10:00:00Z';
const VENUE = 'Zaal Overleie';
const ADDRESS = 'Zaal Overleiestraat 1, 8500 Kortrijk';

const CREATE_SHIFT = `mutation($i: CreateShiftInput!) { createShift(input: $i) { id title needed startsAt endsAt status } }`;
const SIGN_UP = `mutation($id: ID!) { signUpForShift(shiftId: $id) { id status startsAt } }`;
const ASSIGN = `mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id status } }`;
const DROP = `mutation($id: ID!) { dropShift(assignmentId: $id) { id status } }`;
const SWAP = `mutation($a: ID!, $to: ID!) { swapShift(assignmentId: $a, toVolunteerId: $to) { id status } }`;
const WITHDRAW_SWAP = `mutation($r: ID!) { withdrawShiftSwap(requestId: $r) { id status } }`;
const CANCEL_SESSION = `mutation($id: ID!, $r: String) { cancelSession(id: $id, reason: $r) { id status } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id preferredLanguage } }`;

interface Row {
  kind: string;
  offset_minutes: number | null;
  status: string;
  last_error: string | null;
}

/**
 * Volunteer shift messages end to end: the API writes the reminders in the transaction
 * that assigns the volunteer and withdraws them in the one that releases the place; the worker's
 * sweep writes the under-staffed alert 72 hours ahead; every message is composed when it is sent
 * (in the recipient's language, re-checked) and handed to a real SMTP server.
 */
describe('volunteer shifts: reminders to volunteers and under-staffed alerts to coordinators', () => {
  let api: TestApi;
  let world: World;
  let worker: INestApplication;
  let workerClock: FixedClock;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  /** A volunteer who reads Ukrainian. */
  let olena: { id: string; email: string; token: string };
  /** A third volunteer, to fill shifts. */
  let karim: { id: string; email: string; token: string };

  let rig: MessageRig;
  beforeAll(async () => {
    rig = await startMessageRig(NOW);
    ({ api, worker, workerClock, smtp } = rig);
    world = await createWorld(api);
    olena = await volunteer('olena@test.oefenkansen.be', 'Olena', 'uk');
    karim = await volunteer('karim@test.oefenkansen.be', 'Karim', 'nl');
  });
  afterAll(() => rig?.close());

  const as =
    (token: string) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      api.gql(query, variables, token).then(dataOf);
  const coordinator = () => as(world.tokens.coordinator);
  const remindersOf = (assignmentId: string) =>
    query(`SELECT kind, offset_minutes, status, last_error FROM notification WHERE shift_assignment_id = $1 ORDER BY offset_minutes DESC`, [assignmentId]);
  /** Queues every due row while deliveries are held, and checks each has its delivery job waiting. */
  const queueDue = async () => {
    await worker.get(NotificationDispatcher).dispatchDue();
    const due = await query<{ id: string; due_at: Date; channel: NotificationChannel }>(
      `SELECT id, due_at, channel FROM notification WHERE status = 'PENDING' AND due_at <= $1`,
      [workerClock.now()],
    );
    expect(due.length).toBeGreaterThan(0);
    for (const row of due) expect(await rig.deliveryJob(row)).toBeDefined();
  };
  const setNow = (iso: string) => rig.setNow(iso);
  const query = <T = Row>(sql: string, params: unknown[] = []) => rig.query<T>(sql, params);
  const sweep = () => rig.sweep();
  const deliverDue = () => rig.deliverDue();
  const withDeliveriesHeld = (act: () => Promise<void>) => rig.withDeliveriesHeld(act);
  const mailsKeyed = (key: string) => rig.mailsKeyed(key);
  const mailsAbout = (id: string) => smtp.mails.filter((m: CapturedMail) => m.dedupeKey.includes(id));
  /** The one mail sent for an outbox row. */
  const mail = (key: string) => {
    const found = mailsKeyed(key);
    expect(found.map((m) => m.dedupeKey)).toEqual([key]);
    return found[0];
  };
  /** The events of the .ics attached to a mail (nodemailer also puts the same calendar inline, as a text/calendar alternative). */
  const calendarOf = (message: CapturedMail) => {
    const attachment = message.attachments.find((a) => a.filename === 'oefenkansen.ics');
    expect(attachment).toBeDefined();
    expect(message.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content).toBe(attachment!.content);
    return Object.values(ical.sync.parseICS(attachment!.content)).filter((component): component is VEvent => component?.type === 'VEVENT');
  };
  /** The outbox key of a shift reminder: assignment, offset and the shift's start it announces. */
  const reminderKey = (assignmentId: string, offset: number, startsAt = '2026-09-08T17:00:00Z') =>
    `SHIFT_REMINDER|${assignmentId}|${offset}|${new Date(startsAt).getTime()}`;
  /** A praattafel in Zaal Overleie on a Tuesday evening (Brussels summer time), with a shift for its whole length. */
  const sessionWithShift = async (day: string, shift: Record<string, unknown>) => {
    const session = (await coordinator()(CREATE_SESSION, { i: sessionInput(world, { startsAt: `${day}T19:00:00+02:00`, endsAt: `${day}T20:30:00+02:00` }) }))
      .createSession;
    const created = (await coordinator()(CREATE_SHIFT, { i: { sessionId: session.id, ...shift } })).createShift;
    return {
      sessionId: session.id as string,
      shift: created as { id: string; title: string; needed: number; startsAt: string; endsAt: string; status: string },
    };
  };

  it("reminds a volunteer two days and three hours ahead, in the volunteer's language, with the shift in an .ics", async () => {
    const { shift } = await sessionWithShift('2026-09-08', { role: 'WELCOME', needed: 2, title: 'Onthaal praattafel Overleie' });
    // The session's times: 19:00–20:30 Brussels, 17:00–18:30 UTC.
    expect([shift.title, shift.startsAt, shift.endsAt]).toEqual(['Onthaal praattafel Overleie', '2026-09-08T19:00:00+02:00', '2026-09-08T20:30:00+02:00']);
    const assignment = (await as(olena.token)(SIGN_UP, { id: shift.id })).signUpForShift;
    expect(assignment.status).toBe('ASSIGNED');
    const rows = await query<Row & { language: string; due_at: Date; user_id: string }>(
      `SELECT kind, offset_minutes, status, last_error, language, due_at, user_id FROM notification WHERE shift_assignment_id = $1 ORDER BY offset_minutes DESC`,
      [assignment.id],
    );
    expect(rows.map((row) => [row.kind, row.offset_minutes, row.status, row.language, row.user_id, new Date(row.due_at).toISOString()])).toEqual([
      ['SHIFT_REMINDER', 2880, 'PENDING', 'uk', olena.id, '2026-09-06T17:00:00.000Z'],
      ['SHIFT_REMINDER', 180, 'PENDING', 'uk', olena.id, '2026-09-08T14:00:00.000Z'],
    ]);

    // Nothing is due yet.
    await deliverDue();
    expect(mailsAbout(assignment.id)).toEqual([]);

    try {
      // Two days before, a few minutes after the reminder fell due.
      setNow('2026-09-06T17:05:00Z');
      await deliverDue();
      const early = mail(reminderKey(assignment.id, 2880));
      expect(early.to).toBe(olena.email);
      expect(early.subject).toBe('Нагадування: ваша зміна вівторок, 8 вересня: Onthaal praattafel Overleie');
      expect(early.html).toContain('<html lang="uk" dir="ltr">');
      expect(early.text).toContain('Добрий день, Olena!');
      expect(early.text).toContain('Ваша зміна: Onthaal praattafel Overleie.');
      // Brussels wall-clock time, not UTC.
      expect(early.text).toContain('Коли: вівторок, 8 вересня, з 19:00 до 20:30.');
      expect(early.text).not.toContain('17:00');
      expect(early.text).toContain(`Де: ${VENUE}, ${ADDRESS}.`);
      const events = calendarOf(early);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event.uid).toBe(assignment.id);
      expect(event.start.toISOString()).toBe('2026-09-08T17:00:00.000Z');
      expect(event.end?.toISOString()).toBe('2026-09-08T18:30:00.000Z');
      expect(String(event.summary)).toBe('Onthaal praattafel Overleie');
      expect(String(event.location)).toBe(`${VENUE}, ${ADDRESS}`);
      // The three-hour reminder is not due yet.
      expect(mailsKeyed(reminderKey(assignment.id, 180))).toEqual([]);

      // Three hours before: the second reminder, once.
      setNow('2026-09-08T14:01:00Z');
      await deliverDue();
      const late = mail(reminderKey(assignment.id, 180));
      expect(late.to).toBe(olena.email);
      expect(late.subject).toBe(early.subject);
      expect(late.text).toContain('Коли: вівторок, 8 вересня, з 19:00 до 20:30.');
      expect(calendarOf(late).map((e) => [e.uid, e.start.toISOString(), e.end?.toISOString()])).toEqual([
        [assignment.id, '2026-09-08T17:00:00.000Z', '2026-09-08T18:30:00.000Z'],
      ]);

      await deliverDue();
      expect(mailsAbout(assignment.id).map((m) => m.dedupeKey)).toEqual([reminderKey(assignment.id, 2880), reminderKey(assignment.id, 180)]);
      expect((await remindersOf(assignment.id)).map((row) => row.status)).toEqual(['SENT', 'SENT']);
    } finally {
      setNow(NOW);
    }
  });

  it("asks the colleague once, in their language, without the asker's e-mail; a withdrawn request sends nothing", async () => {
    const { shift } = await sessionWithShift('2026-11-03', { role: 'WELCOME', needed: 1, title: 'Onthaal Buda' });
    const karims = (await as(karim.token)(SIGN_UP, { id: shift.id })).signUpForShift;
    const requestOf = async () =>
      (await query<{ id: string }>(`SELECT id FROM shift_swap_request WHERE assignment_id = $1 AND status = 'PENDING'`, [karims.id]))[0].id;
    expect((await as(karim.token)(SWAP, { a: karims.id, to: olena.id })).swapShift).toEqual({ id: karims.id, status: 'ASSIGNED' });
    const asked = await requestOf();
    await deliverDue();
    await deliverDue();
    const sent = mail(`SHIFT_SWAP_REQUESTED|${asked}`);
    expect(sent.to).toBe(olena.email);
    expect(sent.subject).toMatch(/^Можете взяти зміну\? Onthaal Buda, /);
    expect(sent.html).toContain('<html lang="uk" dir="ltr">');
    expect(sent.text).toContain('Karim питає, чи можете ви взяти зміну: Onthaal Buda.');
    expect(sent.text).toContain(`Де: ${VENUE}, ${ADDRESS}.`);
    expect(sent.raw).not.toContain(karim.email);

    // Asked again and withdrawn before the worker sends: the re-check at send time finds it closed.
    await withDeliveriesHeld(async () => {
      await as(karim.token)(SWAP, { a: karims.id, to: world.userIds.volunteer });
      const again = await requestOf();
      await queueDue();
      expect((await as(karim.token)(WITHDRAW_SWAP, { r: again })).withdrawShiftSwap.status).toBe('WITHDRAWN');
    });
    await deliverDue();
    expect(smtp.mails.filter((m) => m.dedupeKey.startsWith('SHIFT_SWAP_REQUESTED|')).map((m) => m.dedupeKey)).toEqual([`SHIFT_SWAP_REQUESTED|${asked}`]);
  });

  it('never sends the reminders of a dropped shift: withdrawn with the drop, or found dropped when the worker sends', async () => {
    const { shift } = await sessionWithShift('2026-09-15', { role: 'HOST', needed: 2, title: 'Gastvrouw praattafel' });
    const dropped = (await as(olena.token)(SIGN_UP, { id: shift.id })).signUpForShift;
    expect((await remindersOf(dropped.id)).map((row) => row.status)).toEqual(['PENDING', 'PENDING']);
    expect((await as(olena.token)(DROP, { id: dropped.id })).dropShift.status).toBe('DROPPED');
    // Withdrawn in the transaction of the drop.
    expect(await remindersOf(dropped.id)).toEqual([
      { kind: 'SHIFT_REMINDER', offset_minutes: 2880, status: 'CANCELLED', last_error: 'the volunteer no longer has this shift' },
      { kind: 'SHIFT_REMINDER', offset_minutes: 180, status: 'CANCELLED', last_error: 'the volunteer no longer has this shift' },
    ]);

    // The second volunteer's place is released straight in the database, as if the outbox had missed
    // it, after the reminder was queued: the worker's re-check at send time cancels it.
    const missed = (await as(world.tokens.volunteer)(SIGN_UP, { id: shift.id })).signUpForShift;
    try {
      setNow('2026-09-13T17:05:00Z');
      await withDeliveriesHeld(async () => {
        await queueDue();
        await api.dataSource.query(`UPDATE shift_assignment SET status = 'DROPPED' WHERE id = $1`, [missed.id]);
      });
      await deliverDue();
      setNow('2026-09-15T14:05:00Z');
      await deliverDue();
      expect(await remindersOf(missed.id)).toEqual([
        { kind: 'SHIFT_REMINDER', offset_minutes: 2880, status: 'CANCELLED', last_error: 'the volunteer no longer has this shift' },
        { kind: 'SHIFT_REMINDER', offset_minutes: 180, status: 'CANCELLED', last_error: 'the volunteer no longer has this shift' },
      ]);
      expect((await remindersOf(dropped.id)).map((row) => row.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect([...mailsAbout(dropped.id), ...mailsAbout(missed.id)]).toEqual([]);
    } finally {
      setNow(NOW);
    }
  });

  it('announces no shift that was cancelled with its session, cancelled, or moved before the reminder left', async () => {
    // The session is cancelled: its shifts are cancelled and their volunteers released, reminders withdrawn.
    const { sessionId, shift: withSession } = await sessionWithShift('2026-09-22', { role: 'TRANSLATOR', needed: 1, title: 'Tolk Oekraïens' });
    const onCancelled = (await as(olena.token)(SIGN_UP, { id: withSession.id })).signUpForShift;
    expect((await coordinator()(CANCEL_SESSION, { id: sessionId, r: 'Zaal niet beschikbaar' })).cancelSession.status).toBe('CANCELLED');
    expect(await query(`SELECT status FROM shift WHERE id = $1`, [withSession.id])).toEqual([{ status: 'CANCELLED' }]);
    expect(await query(`SELECT status FROM shift_assignment WHERE id = $1`, [onCancelled.id])).toEqual([{ status: 'DROPPED' }]);
    expect((await remindersOf(onCancelled.id)).map((row) => [row.status, row.last_error])).toEqual([
      ['CANCELLED', 'the volunteer no longer has this shift'],
      ['CANCELLED', 'the volunteer no longer has this shift'],
    ]);
    expect((await coordinator()(`{ shifts(filter: { from: "2026-09-22T00:00:00Z", to: "2026-09-23T00:00:00Z" }) { id } }`)).shifts).toEqual([]);

    // A shift cancelled on its own: the same.
    const { shift: alone } = await sessionWithShift('2026-09-29', { role: 'CHILDCARE', needed: 1, title: 'Kinderopvang praattafel' });
    const onAlone = (await as(olena.token)(SIGN_UP, { id: alone.id })).signUpForShift;
    expect((await coordinator()(`mutation($id: ID!) { cancelShift(id: $id) { status } }`, { id: alone.id })).cancelShift.status).toBe('CANCELLED');
    expect((await remindersOf(onAlone.id)).map((row) => [row.status, row.last_error])).toEqual([
      ['CANCELLED', 'the volunteer no longer has this shift'],
      ['CANCELLED', 'the volunteer no longer has this shift'],
    ]);

    // Two shifts outside a session (set-up before a neighbourhood party). One moves a day later, the
    // other is cancelled, both straight in the database after the reminders were queued (as if the
    // outbox had missed it): the worker finds out when it sends.
    const standalone = (title: string) =>
      coordinator()(CREATE_SHIFT, { i: { role: 'SETUP', needed: 1, title, startsAt: '2026-09-26T10:00:00+02:00', endsAt: '2026-09-26T12:00:00+02:00' } }).then(
        (d) => d.createShift.id as string,
      );
    const movedShift = await standalone('Opbouw buurtfeest Overleie');
    const cancelledShift = await standalone('Opbouw buurtfeest Sint-Jan');
    const onMoved = (await as(olena.token)(SIGN_UP, { id: movedShift })).signUpForShift;
    const onCancelledShift = (await as(karim.token)(SIGN_UP, { id: cancelledShift })).signUpForShift;
    try {
      setNow('2026-09-24T08:05:00Z');
      await withDeliveriesHeld(async () => {
        await queueDue();
        for (const table of ['shift', 'shift_assignment']) {
          await api.dataSource.query(`UPDATE ${table} SET starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day' WHERE id = $1`, [
            table === 'shift' ? movedShift : onMoved.id,
          ]);
        }
        await api.dataSource.query(`UPDATE shift SET status = 'CANCELLED' WHERE id = $1`, [cancelledShift]);
      });
      await deliverDue();
      expect(await remindersOf(onMoved.id)).toEqual([
        { kind: 'SHIFT_REMINDER', offset_minutes: 2880, status: 'CANCELLED', last_error: 'the shift moved' },
        { kind: 'SHIFT_REMINDER', offset_minutes: 180, status: 'PENDING', last_error: null },
      ]);
      expect((await remindersOf(onCancelledShift.id)).map((row) => [row.status, row.last_error])).toEqual([
        ['CANCELLED', 'the shift was cancelled'],
        ['PENDING', null],
      ]);

      // Past the old start of both, the session's and the cancelled shift's: nothing about any of them has left.
      setNow('2026-09-26T09:00:00Z');
      await deliverDue();
      setNow('2026-09-29T17:30:00Z');
      await deliverDue();
      expect((await remindersOf(onMoved.id)).map((row) => row.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect((await remindersOf(onCancelledShift.id)).map((row) => row.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect([onCancelled, onAlone, onMoved, onCancelledShift].flatMap((a) => mailsAbout(a.id))).toEqual([]);
    } finally {
      setNow(NOW);
    }
  });

  it('alerts every coordinator once, 72 hours ahead, about a shift short of volunteers; not when it is fully staffed by the time the alert leaves', async () => {
    const french = (
      await as(world.tokens.admin)(CREATE_USER, {
        i: { email: 'coordinatrice@test.oefenkansen.be', password: FIXTURE_PASSWORD, displayName: 'Céline', roles: ['COORDINATOR'], preferredLanguage: 'fr' },
      })
    ).createUser;
    const coordinators = (await query<{ id: string }>(`SELECT id FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[]) ORDER BY id`)).map(
      (row) => row.id,
    );
    expect(coordinators).toEqual([world.userIds.coordinator, french.id].sort());
    const alertKey = (shiftId: string, userId: string) => `SHIFT_UNDERSTAFFED|${shiftId}|${userId}`;
    // The worker's own 5-minute sweep may alert about the earlier tests' shifts too: only these shifts count here.
    const alertMails = () =>
      smtp.mails.filter((m) => [short, filled, full].some((shift) => m.dedupeKey.startsWith(`SHIFT_UNDERSTAFFED|${shift.id}|`))).map((m) => m.dedupeKey);
    const alertRows = (shiftId: string) =>
      query<Row & { user_id: string; language: string }>(
        `SELECT user_id, language, kind, offset_minutes, status, last_error FROM notification WHERE kind = 'SHIFT_UNDERSTAFFED' AND payload->>'shiftId' = $1 ORDER BY user_id`,
        [shiftId],
      );

    // Tuesday 6 October, 19:00 Brussels (17:00 UTC): 1 of 3 interpreters.
    const { shift: short } = await sessionWithShift('2026-10-06', { role: 'TRANSLATOR', needed: 3, title: 'Tolken praattafel', languages: ['ar', 'uk'] });
    await as(world.tokens.volunteer)(SIGN_UP, { id: short.id });
    // Wednesday 7 October, 10:00–12:00 (08:00 UTC): 1 of 2, filled before the alert leaves.
    const filled = (
      await coordinator()(CREATE_SHIFT, {
        i: { role: 'CHILDCARE', needed: 2, title: 'Kinderopvang Babbel+', startsAt: '2026-10-07T10:00:00+02:00', endsAt: '2026-10-07T12:00:00+02:00' },
      })
    ).createShift;
    await coordinator()(ASSIGN, { s: filled.id, v: karim.id });
    // Wednesday 7 October, 09:00: fully staffed from the start.
    const full = (
      await coordinator()(CREATE_SHIFT, {
        i: { role: 'COOKING', needed: 1, title: 'Koken buurtrestaurant', startsAt: '2026-10-07T09:00:00+02:00', endsAt: '2026-10-07T11:00:00+02:00' },
      })
    ).createShift;
    await as(olena.token)(SIGN_UP, { id: full.id });

    try {
      // 73 hours before: not yet.
      setNow('2026-10-03T16:00:00Z');
      await sweep();
      expect(await alertRows(short.id)).toEqual([]);

      // 71 hours before the Tuesday shift (and more than 72 before Wednesday's).
      setNow('2026-10-03T18:00:00Z');
      await sweep();
      expect((await alertRows(short.id)).map((row) => [row.user_id, row.language, row.status])).toEqual(
        coordinators.map((id) => [id, id === french.id ? 'fr' : 'nl', 'PENDING']),
      );
      expect(await alertRows(filled.id)).toEqual([]);
      await deliverDue();
      const dutch = mail(alertKey(short.id, world.userIds.coordinator));
      expect(dutch.to).toBe('coordinator@test.oefenkansen.be');
      expect(dutch.subject).toBe('Vrijwilligers nodig: Tolken praattafel op dinsdag 6 oktober');
      expect(dutch.text).toContain('Voor de shift bij Tolken praattafel op dinsdag 6 oktober om 19:00 zijn nog vrijwilligers nodig.');
      expect(dutch.text).toContain('Er zijn pas 1 van de 3 plaatsen bezet.');
      expect(dutch.text).toContain(`Waar: ${VENUE}, ${ADDRESS}.`);
      expect(dutch.attachments).toEqual([]);
      const frenchMail = mail(alertKey(short.id, french.id));
      expect(frenchMail.to).toBe('coordinatrice@test.oefenkansen.be');
      expect(frenchMail.html).toContain('<html lang="fr" dir="ltr">');
      expect(frenchMail.subject).toBe('Bénévoles recherchés : Tolken praattafel le mardi 6 octobre');
      expect(frenchMail.text).toContain('1 places sur 3 sont prises');

      // Sweeping again writes nothing twice and sends nothing twice.
      await sweep();
      await deliverDue();
      expect((await alertRows(short.id)).map((row) => row.status)).toEqual(['SENT', 'SENT']);
      expect(alertMails()).toHaveLength(2);

      // Within 72 hours of Wednesday: the childcare shift is short, the cooking shift is not. The
      // alert is queued, then a second volunteer takes the last place before it leaves: it is cancelled.
      setNow('2026-10-04T09:00:00Z');
      await withDeliveriesHeld(async () => {
        await sweep();
        expect((await alertRows(filled.id)).map((row) => row.status)).toEqual(['PENDING', 'PENDING']);
        expect(await alertRows(full.id)).toEqual([]);
        await queueDue();
        await as(world.tokens.volunteer)(SIGN_UP, { id: filled.id });
      });
      await deliverDue();
      expect((await alertRows(filled.id)).map((row) => [row.status, row.last_error])).toEqual([
        ['CANCELLED', 'the shift is fully staffed now'],
        ['CANCELLED', 'the shift is fully staffed now'],
      ]);
      await sweep();
      await deliverDue();
      expect(await alertRows(full.id)).toEqual([]);
      expect((await alertRows(short.id)).map((row) => row.status)).toEqual(['SENT', 'SENT']);
      expect(alertMails().sort()).toEqual(coordinators.map((id) => alertKey(short.id, id)).sort());
    } finally {
      setNow(NOW);
    }
  });

  it("sends a reminder for a shift that followed its session with the assignment's raised SEQUENCE, as in the feed", async () => {
    const { sessionId, shift } = await sessionWithShift('2026-10-13', { role: 'WELCOME', needed: 1, title: 'Onthaal praattafel Heule' });
    const assignment = (await as(olena.token)(SIGN_UP, { id: shift.id })).signUpForShift;
    await coordinator()(`mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveSession(id: $id, startsAt: $s, endsAt: $e) { id } }`, {
      id: sessionId,
      s: '2026-10-14T19:00:00+02:00',
      e: '2026-10-14T20:30:00+02:00',
    });
    const [revision] = await query<{ calendar_sequence: number; calendar_changed_at: Date }>(
      `SELECT calendar_sequence, calendar_changed_at FROM shift_assignment WHERE id = $1`,
      [assignment.id],
    );
    expect(revision.calendar_sequence).toBe(1);
    try {
      setNow('2026-10-12T17:05:00Z');
      await deliverDue();
      const [reminder] = mailsAbout(assignment.id);
      const [event] = calendarOf(reminder);
      expect([event.uid, event.sequence, event.start.toISOString()]).toEqual([assignment.id, 1, '2026-10-14T17:00:00.000Z']);
      expect(Math.floor(new Date(event.lastmodified!).getTime() / 1000)).toBe(Math.floor(new Date(revision.calendar_changed_at).getTime() / 1000));
    } finally {
      setNow(NOW);
    }
  });

  /** A new VOLUNTEER user, logged in, who reads messages in `language`. */
  async function volunteer(email: string, displayName: string, language: string): Promise<{ id: string; email: string; token: string }> {
    const created = (
      await as(world.tokens.admin)(CREATE_USER, { i: { email, password: FIXTURE_PASSWORD, displayName, roles: ['VOLUNTEER'], preferredLanguage: language } })
    ).createUser;
    expect(created.preferredLanguage).toBe(language);
    return { id: created.id, email, token: await api.login(email, FIXTURE_PASSWORD) };
  }
});
