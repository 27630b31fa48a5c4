import type { INestApplication } from '@nestjs/common';
import ical, { type VEvent } from 'node-ical';
import { NotificationChannel } from '@app/common';
import { NotificationDispatcher } from '@app/messaging';
import { CapturedMail, startSmtpCapture } from '@app/testing';
import { at, BOOK_STAND, bookingInput, createFestival, Festival, SATURDAY, SUNDAY } from '../../api/test/festival-fixtures';
import { createWorld, FIXTURE_PASSWORD, World } from '../../api/test/fixtures';
import { dataOf, TestApi } from '../../api/test/test-api';
import { CalendarStore, calendarPartOf } from './calendar-store';
import { MessageRig, startMessageRig } from './message-rig';

const FRIDAY = '2027-05-14';
const MONDAY = '2027-05-17';
const EDITION = 'KortRIJK aan Culturen 2027';
const SITE_MAP = 'https://www.kortrijk.be/culturen/plan-2027.pdf';
/** 2027-04-16 23:59 Brussels summer time: the default deadline, 28 days before the first day. */
const DEADLINE = new Date('2027-04-16T21:59:00Z');
const NOW = '2026-08-15T10:00:00Z';

const APPLY = `mutation($i: ApplyForStandInput!) { applyForStand(input: $i) { application { id } bookings { id status plot { code } } } }`;
const CONFIRM = `mutation($id: ID!) { confirmStandBooking(id: $id) { status } }`;
const REFUSE = `mutation($id: ID!, $r: String!) { refuseStandBooking(id: $id, reason: $r) { status } }`;
const MOVE = `mutation($id: ID!, $i: MoveStandBookingInput!) { moveStandBooking(id: $id, input: $i) { status plot { code } startsAt } }`;
const UPDATE_EDITION = `mutation($id: ID!, $i: UpdateFestivalEditionInput!) { updateFestivalEdition(id: $id, input: $i) { applicationDeadline } }`;

interface Row {
  kind: string;
  status: string;
  last_error: string | null;
}

/**
 * Festival messages end to end: the API writes outbox rows in the transaction of each stand
 * change, the worker composes them when it sends (in the organiser's language, re-checked) and
 * hands them to a real SMTP server.
 */
describe('KortRIJK aan Culturen: messages to organisers and coordinators', () => {
  let api: TestApi;
  let world: World;
  let festival: Festival;
  let worker: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  /** A second association whose only organiser reads Arabic. */
  let syrian: { organisationId: string; userId: string; email: string; token: string };

  let rig: MessageRig;
  beforeAll(async () => {
    rig = await startMessageRig(NOW);
    ({ api, worker, smtp } = rig);
    world = await createWorld(api);
    festival = await createFestival(api, world);
    syrian = await association('Syrische Gemeenschap', 'ar');
  });
  afterAll(() => rig?.close());

  const as =
    (who: keyof World['tokens']) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      api.gql(query, variables, world.tokens[who]).then(dataOf);
  const rowsOfBooking = (bookingId: string) =>
    query(`SELECT kind, status, last_error FROM notification WHERE stand_booking_id = $1 ORDER BY created_at, kind`, [bookingId]);
  const setNow = (iso: string) => rig.setNow(iso);
  const query = <T = Row>(sql: string, params: unknown[] = []) => rig.query<T>(sql, params);
  const sweep = () => rig.sweep();
  const deliverDue = () => rig.deliverDue();
  const withDeliveriesHeld = (act: () => Promise<void>) => rig.withDeliveriesHeld(act);
  const mailsKeyed = (key: string) => rig.mailsKeyed(key);
  /** The one mail sent for an outbox row. */
  const mail = (key: string) => {
    const found = mailsKeyed(key);
    expect(found.map((m) => m.dedupeKey)).toEqual([key]);
    return found[0];
  };
  /** The events of the .ics attached to a mail (nodemailer also puts the same calendar inline, as a text/calendar alternative). */
  const calendarOf = (message: CapturedMail) => {
    const attachment = message.attachments.find((a) => a.filename === 'kortrijk-aan-culturen.ics');
    expect(attachment).toBeDefined();
    expect(message.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content).toBe(attachment!.content);
    return Object.values(ical.sync.parseICS(attachment!.content)).filter((component): component is VEvent => component?.type === 'VEVENT');
  };
  const organiser = () => ({ id: world.userIds.organiser, email: 'organiser@test.oefenkansen.be' });

  let saturdayBooking: string;
  /** The Monday stand the move test moves three times; the last test cancels it. */
  let mondayBooking = '';

  it("acknowledges an application in the organiser's language: Arabic right to left, Dutch by default", async () => {
    const slot = (code: string, day: string, from: string, to: string) => ({ plotId: festival.plots[code], startsAt: at(day, from), endsAt: at(day, to) });
    const applied = dataOf(
      await api.gql(
        APPLY,
        {
          i: {
            editionId: festival.editionId,
            organisationId: syrian.organisationId,
            offering: 'FOOD',
            community: 'Syrische gemeenschap',
            countryCode: 'SY',
            slots: [slot('A2', SATURDAY, '11:00', '15:00'), slot('A2', SUNDAY, '15:00', '19:00')],
          },
        },
        syrian.token,
      ),
    ).applyForStand;
    const booked = (await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '11:00', '15:00') })).bookStand;
    saturdayBooking = booked.id;

    await deliverDue();
    const arabic = mail(`STAND_APPLICATION_RECEIVED|${applied.bookings[0].id}|${syrian.userId}`);
    expect(arabic.to).toBe(syrian.email);
    expect(arabic.subject).toBe(`استلمنا طلبك: ${EDITION}`);
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toMatch(/[\u0600-\u06FF]/);
    // Both slots, in Brussels wall-clock time (09:00Z is 11:00 in May).
    expect(arabic.text).toContain('A2');
    expect(arabic.text).toContain('11:00–15:00');
    expect(arabic.text).toContain('15:00–19:00');
    expect(arabic.text).not.toContain('09:00');

    const dutch = mail(`STAND_APPLICATION_RECEIVED|${booked.id}|${organiser().id}`);
    expect(dutch.to).toBe(organiser().email);
    expect(dutch.subject).toBe(`Aanvraag ontvangen: ${EDITION}`);
    expect(dutch.html).toContain('<html lang="nl" dir="ltr">');
    expect(dutch.text).toContain('A1: zaterdag 15 mei 11:00–15:00');
    // The organisers of one association do not hear about another's application.
    expect(smtp.mails.filter((m) => m.to === organiser().email && m.dedupeKey.includes(applied.bookings[0].id))).toEqual([]);

    // Exactly once each.
    await deliverDue();
    expect(mailsKeyed(`STAND_APPLICATION_RECEIVED|${applied.bookings[0].id}|${syrian.userId}`)).toHaveLength(1);
    expect(mailsKeyed(`STAND_APPLICATION_RECEIVED|${booked.id}|${organiser().id}`)).toHaveLength(1);
  });

  it('confirms with plot, Brussels times, the site map and an .ics of the stand', async () => {
    expect((await as('coordinator')(CONFIRM, { id: saturdayBooking })).confirmStandBooking.status).toBe('CONFIRMED');
    await deliverDue();
    const confirmation = mail(`STAND_CONFIRMED|${saturdayBooking}|${organiser().id}`);
    expect(confirmation.to).toBe(organiser().email);
    expect(confirmation.subject).toBe(`Je stand is bevestigd: ${EDITION}`);
    expect(confirmation.text).toContain('A1: zaterdag 15 mei 11:00–15:00');
    expect(confirmation.text).toContain(`Plan van het terrein: ${SITE_MAP}`);
    expect(confirmation.html).toContain(SITE_MAP);

    const events = calendarOf(confirmation);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.uid).toBe(saturdayBooking);
    expect(event.start.toISOString()).toBe('2027-05-15T09:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2027-05-15T13:00:00.000Z');
    expect(String(event.summary)).toBe(`${EDITION}: stand A1`);
    expect(String(event.location)).toContain('Grote Markt');
  });

  it('tells the reason of a refusal, and sends nothing about a booking cancelled before its message left', async () => {
    const sunday = (await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A3', '11:00', '15:00', SUNDAY) })).bookStand;
    await deliverDue();
    mail(`STAND_APPLICATION_RECEIVED|${sunday.id}|${organiser().id}`);
    expect((await as('coordinator')(REFUSE, { id: sunday.id, r: 'Op A3 staan dit jaar de foodtrucks' })).refuseStandBooking.status).toBe('CANCELLED');
    await deliverDue();
    const refusal = mail(`STAND_REFUSED|${sunday.id}|${organiser().id}`);
    expect(refusal.subject).toBe(`Standplaats geweigerd: ${EDITION}`);
    expect(refusal.text).toContain('standplaats A3 niet op zondag 16 mei, van 11:00 tot 15:00');
    expect(refusal.text).toContain('Reden: Op A3 staan dit jaar de foodtrucks.');

    // Received and confirmed are queued, then the booking is cancelled straight in the database (as
    // if the outbox had missed it): the worker's re-check at send time cancels both.
    let later = '';
    await withDeliveriesHeld(async () => {
      later = (await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A3', '15:00', '19:00', SUNDAY) })).bookStand.id;
      await as('coordinator')(CONFIRM, { id: later });
      await worker.get(NotificationDispatcher).dispatchDue();
      const queued = await query<{ id: string; due_at: Date; channel: NotificationChannel }>(
        `SELECT id, due_at, channel FROM notification WHERE stand_booking_id = $1`,
        [later],
      );
      expect(queued).toHaveLength(2);
      for (const row of queued) expect(await rig.deliveryJob(row)).toBeDefined();
      await api.dataSource.query(`UPDATE stand_booking SET status = 'CANCELLED' WHERE id = $1`, [later]);
    });
    await deliverDue();
    expect(await rowsOfBooking(later)).toEqual([
      { kind: 'STAND_APPLICATION_RECEIVED', status: 'CANCELLED', last_error: 'the booking was cancelled' },
      { kind: 'STAND_CONFIRMED', status: 'CANCELLED', last_error: 'the booking was cancelled' },
    ]);
    expect(smtp.mails.filter((m) => m.dedupeKey.includes(later))).toEqual([]);
  });

  it('refusing one slot of an application still acknowledges the other slots', async () => {
    let bookings: { id: string }[] = [];
    await withDeliveriesHeld(async () => {
      const slots = [bookingInput(festival, world, 'A1', '17:00', '20:00', FRIDAY), bookingInput(festival, world, 'A2', '20:00', '23:00', FRIDAY)].map(
        ({ organisationId: _o, ...slot }) => slot,
      );
      bookings = (
        await as('organiser')(APPLY, {
          i: { editionId: festival.editionId, organisationId: world.associationId, offering: 'CULTURE', community: 'Afghaanse gemeenschap', slots },
        })
      ).applyForStand.bookings;
      await as('coordinator')(REFUSE, { id: bookings[0].id, r: 'A1 is vrijdag voor het podium' });
    });
    await deliverDue();
    const received = mail(`STAND_APPLICATION_RECEIVED|${bookings[0].id}|${organiser().id}`);
    expect(received.text).toContain('A2: vrijdag 14 mei 20:00–23:00');
    expect(received.text).not.toContain('A1:');
    expect(mail(`STAND_REFUSED|${bookings[0].id}|${organiser().id}`).text).toContain('Reden: A1 is vrijdag voor het podium.');
  });

  it('announces a move with the old and the new place; moved twice before sending, only the last move is announced', async () => {
    const monday = (await as('organiser')(BOOK_STAND, { i: bookingInput(festival, world, 'A4', '11:00', '15:00', MONDAY) })).bookStand;
    mondayBooking = monday.id;
    await as('coordinator')(CONFIRM, { id: monday.id });
    await deliverDue();
    mail(`STAND_CONFIRMED|${monday.id}|${organiser().id}`);
    const moves = () => smtp.mails.filter((m) => m.dedupeKey.startsWith(`STAND_MOVED|${monday.id}|${organiser().id}|`));

    expect(
      (await as('coordinator')(MOVE, { id: monday.id, i: { plotId: festival.plots.A3, startsAt: at(MONDAY, '15:00'), endsAt: at(MONDAY, '20:00') } }))
        .moveStandBooking,
    ).toEqual({
      status: 'CONFIRMED',
      plot: { code: 'A3' },
      startsAt: at(MONDAY, '15:00'),
    });
    await deliverDue();
    expect(moves()).toHaveLength(1);
    const [moved] = moves();
    expect(moved.subject).toBe(`Je stand is veranderd: ${EDITION}`);
    expect(moved.text).toContain('Niet meer: standplaats A4, maandag 17 mei om 11:00.');
    expect(moved.text).toContain('Nieuw: standplaats A3, maandag 17 mei, van 15:00 tot 20:00.');
    expect(moved.text).toContain(SITE_MAP);
    const [event] = calendarOf(moved);
    expect([event.start.toISOString(), event.end?.toISOString(), String(event.summary)]).toEqual([
      '2027-05-17T13:00:00.000Z',
      '2027-05-17T18:00:00.000Z',
      `${EDITION}: stand A3`,
    ]);

    await withDeliveriesHeld(async () => {
      await as('coordinator')(MOVE, { id: monday.id, i: { plotId: festival.plots.A4 } });
      await as('coordinator')(MOVE, { id: monday.id, i: { plotId: festival.plots.A1, startsAt: at(MONDAY, '11:00'), endsAt: at(MONDAY, '15:00') } });
      await worker.get(NotificationDispatcher).dispatchDue();
    });
    await deliverDue();
    expect((await rowsOfBooking(monday.id)).filter((row) => row.kind === 'STAND_MOVED')).toEqual([
      { kind: 'STAND_MOVED', status: 'SENT', last_error: null },
      { kind: 'STAND_MOVED', status: 'CANCELLED', last_error: 'the booking moved again' },
      { kind: 'STAND_MOVED', status: 'SENT', last_error: null },
    ]);
    expect(moves()).toHaveLength(2);
    const latest = moves()[1];
    expect(latest.text).toContain('Nieuw: standplaats A1, maandag 17 mei, van 11:00 tot 15:00.');
    expect(calendarOf(latest).map((e) => [e.start.toISOString(), String(e.summary)])).toEqual([['2027-05-17T09:00:00.000Z', `${EDITION}: stand A1`]]);
  });

  it("reminds each association a week and a day before its festival days, listing that day's confirmed stands", async () => {
    // A second confirmed Saturday stand (a coordinator's booking is confirmed at once).
    const afternoon = (await as('coordinator')(BOOK_STAND, { i: bookingInput(festival, world, 'A1', '15:00', '19:00') })).bookStand;
    expect(afternoon.status).toBe('CONFIRMED');
    await deliverDue();
    const reminderKey = (day: string, offset: number) => `STAND_REMINDER|${world.associationId}|${festival.editionId}|${day}|${offset}|${organiser().id}`;
    const reminderRow = async (day: string, offset: number) =>
      (await query(`SELECT kind, status, last_error FROM notification WHERE dedupe_key = $1`, [reminderKey(day, offset)]))[0];

    try {
      // A week before Saturday opens (11:00 Brussels = 09:00Z).
      setNow('2027-05-08T09:30:00Z');
      await deliverDue();
      const week = mail(reminderKey(SATURDAY, 10080));
      expect(week.to).toBe(organiser().email);
      expect(week.subject).toBe(`Niet vergeten: je stand op ${EDITION}, zaterdag 15 mei`);
      expect(week.text).toContain('A1: zaterdag 15 mei 11:00–15:00\n• A1: zaterdag 15 mei 15:00–19:00');
      expect(week.text).toContain(`Plan van het terrein: ${SITE_MAP}`);
      expect(week.text).not.toMatch(/A2|A3|zondag|maandag/);
      expect(smtp.mails.filter((m) => m.dedupeKey.startsWith('STAND_REMINDER|') && m.dedupeKey !== reminderKey(SATURDAY, 10080))).toEqual([]);

      // Sunday's only confirmed stand was cancelled: its reminder is not sent.
      setNow('2027-05-09T09:30:00Z');
      await deliverDue();
      expect(await reminderRow(SUNDAY, 10080)).toEqual({ kind: 'STAND_REMINDER', status: 'CANCELLED', last_error: 'no confirmed stand that day' });
      expect(mailsKeyed(reminderKey(SUNDAY, 10080))).toEqual([]);

      // The day before Saturday; Monday's week reminder (due on the 10th) lists where the stand was moved to.
      setNow('2027-05-14T09:30:00Z');
      await deliverDue();
      expect(mail(reminderKey(SATURDAY, 1440)).text).toContain('A1: zaterdag 15 mei 11:00–15:00\n• A1: zaterdag 15 mei 15:00–19:00');
      const monday = mail(reminderKey(MONDAY, 10080));
      expect(monday.text).toContain('A1: maandag 17 mei 11:00–15:00');
      expect(monday.text).not.toMatch(/A3|A4/);
      expect(mailsKeyed(reminderKey(SATURDAY, 10080))).toHaveLength(1);
    } finally {
      setNow(NOW);
    }
  });

  it('warns every coordinator once when the application deadline nears with plots still free, and not when every plot is taken', async () => {
    const french = await api
      .gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: { email: 'coordinatrice@test.oefenkansen.be', password: FIXTURE_PASSWORD, displayName: 'Céline', roles: ['COORDINATOR'], preferredLanguage: 'fr' },
        },
        world.tokens.admin,
      )
      .then(dataOf);
    const coordinators = (await query<{ id: string }>(`SELECT id FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[]) ORDER BY id`)).map(
      (row) => row.id,
    );
    expect(coordinators).toEqual([world.userIds.coordinator, french.createUser.id].sort());
    // What the earlier tests left free: plots with no live booking at all.
    const free = await query<{ code: string }>(
      `SELECT code FROM stand_plot p WHERE edition_id = $1 AND active AND NOT EXISTS (SELECT 1 FROM stand_booking b WHERE b.plot_id = p.id AND b.status IN ('REQUESTED', 'CONFIRMED')) ORDER BY code`,
      [festival.editionId],
    );
    expect(free.map((row) => row.code)).toEqual(['A3', 'A4']);
    const alertKey = (deadline: Date, userId: string) => `FESTIVAL_DEADLINE_NEAR|${festival.editionId}|${deadline.getTime()}|${userId}`;
    const alertRows = (deadline: Date) =>
      query<Row & { user_id: string }>(
        `SELECT user_id, kind, status, last_error FROM notification WHERE kind = 'FESTIVAL_DEADLINE_NEAR' AND payload->>'deadline' = $1 ORDER BY user_id`,
        [deadline.toISOString()],
      );

    try {
      // Eight days before: not yet.
      setNow('2027-04-08T20:00:00Z');
      await sweep();
      expect(await alertRows(DEADLINE)).toEqual([]);

      // Monday before the Friday deadline.
      setNow('2027-04-12T08:00:00Z');
      await sweep();
      expect((await alertRows(DEADLINE)).map((row) => row.user_id)).toEqual(coordinators);
      await deliverDue();
      const dutch = mail(alertKey(DEADLINE, world.userIds.coordinator));
      expect(dutch.to).toBe('coordinator@test.oefenkansen.be');
      expect(dutch.subject).toBe(`Aanvragen bijna gesloten, 2 standplaatsen vrij: ${EDITION}`);
      expect(dutch.text).toContain(`De uiterste datum om een stand aan te vragen voor ${EDITION} is vrijdag 16 april.`);
      expect(dutch.text).toContain('2 standplaatsen zijn nog niet geboekt. Het festival begint op vrijdag 14 mei.');
      const frenchMail = mail(alertKey(DEADLINE, french.createUser.id));
      expect(frenchMail.to).toBe('coordinatrice@test.oefenkansen.be');
      expect(frenchMail.html).toContain('<html lang="fr" dir="ltr">');
      expect(frenchMail.text).toContain('vendredi 16 avril');
      expect(frenchMail.text).toContain('2 emplacements');

      // Sweeping again writes nothing twice.
      await sweep();
      await deliverDue();
      expect((await alertRows(DEADLINE)).map((row) => row.status)).toEqual(['SENT', 'SENT']);
      expect(smtp.mails.filter((m) => m.dedupeKey.startsWith('FESTIVAL_DEADLINE_NEAR|'))).toHaveLength(2);

      // A new deadline is a new alert; the last free plots are booked before it leaves: it is cancelled.
      const earlier = new Date('2027-04-15T21:59:00Z');
      await withDeliveriesHeld(async () => {
        await as('coordinator')(UPDATE_EDITION, { id: festival.editionId, i: { applicationDeadline: '2027-04-15T23:59:00+02:00' } });
        await sweep();
        expect((await alertRows(earlier)).map((row) => row.status)).toEqual(['PENDING', 'PENDING']);
        await worker.get(NotificationDispatcher).dispatchDue();
        for (const code of ['A3', 'A4']) {
          await as('coordinator')(BOOK_STAND, {
            i: { plotId: festival.plots[code], organisationId: syrian.organisationId, startsAt: at(FRIDAY, '17:00'), endsAt: at(FRIDAY, '20:00') },
          });
        }
      });
      await deliverDue();
      expect((await alertRows(earlier)).map((row) => [row.status, row.last_error])).toEqual([
        ['CANCELLED', 'every plot is booked'],
        ['CANCELLED', 'every plot is booked'],
      ]);

      // Every active plot is booked: no alert is written at all.
      const latest = new Date('2027-04-14T21:59:00Z');
      await as('coordinator')(UPDATE_EDITION, { id: festival.editionId, i: { applicationDeadline: '2027-04-14T23:59:00+02:00' } });
      await sweep();
      expect(await alertRows(latest)).toEqual([]);
      expect(smtp.mails.filter((m) => m.dedupeKey.startsWith('FESTIVAL_DEADLINE_NEAR|'))).toHaveLength(2);
      // Festival messages go by e-mail only.
      expect(rig.sms.messages).toEqual([]);
    } finally {
      setNow(NOW);
    }
  });

  it("keeps the organiser's calendar in step: the confirmation, each move at a higher SEQUENCE, and the city's cancellation removes it", async () => {
    const key = (kind: string) => `${kind}|${mondayBooking}|${organiser().id}`;
    const store = new CalendarStore();
    const moves = smtp.mails.filter((m) => m.dedupeKey.startsWith(`${key('STAND_MOVED')}|`));
    expect(moves).toHaveLength(2);
    const [confirmed, firstMove, lastMove] = await Promise.all([mail(key('STAND_CONFIRMED')), ...moves].map(async (m) => (await calendarPartOf(m))!));
    expect(store.apply(confirmed.ics)).toEqual([mondayBooking]);
    expect(store.apply(firstMove.ics)).toEqual([mondayBooking]);
    expect(store.apply(lastMove.ics)).toEqual([mondayBooking]);
    // The first move arriving late does not undo the last.
    expect(store.apply(firstMove.ics)).toEqual([]);
    const held = store.visible()[mondayBooking];
    expect([held.start, held.summary]).toEqual(['2027-05-17T09:00:00.000Z', `${EDITION}: stand A1`]);
    const [{ calendar_sequence: beforeCancel }] = await query<{ calendar_sequence: number }>(`SELECT calendar_sequence FROM stand_booking WHERE id = $1`, [
      mondayBooking,
    ]);
    expect(held.sequence).toBe(beforeCancel);

    expect(
      (
        await as('coordinator')(`mutation($id: ID!, $r: String) { cancelStandBooking(id: $id, reason: $r) { status } }`, {
          id: mondayBooking,
          r: 'Het plein is die dag afgesloten',
        })
      ).cancelStandBooking.status,
    ).toBe('CANCELLED');
    await deliverDue();
    const cancel = (await calendarPartOf(mail(key('STAND_CANCELLED'))))!;
    expect([cancel.typed, cancel.declared]).toEqual(['CANCEL', 'CANCEL']);
    expect(store.apply(cancel.ics)).toEqual([mondayBooking]);
    expect(store.visible()).toEqual({});
    expect(store.entries.get(mondayBooking)?.sequence).toBe(beforeCancel + 1);
  });

  /** A new association with one FESTIVAL_ORGANISER, logged in, who reads messages in `language`. */
  async function association(name: string, language: string): Promise<{ organisationId: string; userId: string; email: string; token: string }> {
    const admin = (q: string, variables: Record<string, unknown>) => api.gql(q, variables, world.tokens.admin).then(dataOf);
    const organisationId = (
      await admin('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', { i: { name, kind: 'ASSOCIATION' } })
    ).createOrganisation.id;
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}@test.oefenkansen.be`;
    const userId = (
      await admin('mutation($i: CreateUserInput!) { createUser(input: $i) { id preferredLanguage } }', {
        i: { email, password: FIXTURE_PASSWORD, displayName: name, roles: ['FESTIVAL_ORGANISER'], organisationId, preferredLanguage: language },
      })
    ).createUser.id;
    return { organisationId, userId, email, token: await api.login(email, FIXTURE_PASSWORD) };
  }
});
