import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { Clock, FixedClock } from '@app/common';
import { mailDomain } from '@app/config';
import { JobName } from '@app/queues';
import { CapturedMail, CapturedSms, startSmsGateway, startSmtpCapture, waitFor as waitForValue } from '@app/testing';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from '../../api/test/fixtures';
import { dataOf, startTestApi, TestApi } from '../../api/test/test-api';
import { WorkerModule } from '../src/worker.module';
import { runJobToCompletion } from './message-rig';

const waitFor = <T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000) => waitForValue(probe, what, timeoutMs);

/** The outbox end to end: API writes rows, the worker sends them to a real SMTP server and a local SMS gateway. */
describe('notifications', () => {
  let api: TestApi;
  let world: World;
  let worker: INestApplication;
  let workerClock: FixedClock;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    sms = await startSmsGateway();
    api = await startTestApi();
    world = await createWorld(api);
    workerClock = new FixedClock(api.clock.now());
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ ...api.config, smtpUrl: smtp.url, smsGatewayUrl: sms.url })] })
      .overrideProvider(Clock)
      .useValue(workerClock)
      .compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.stop();
    await sms?.stop();
  });

  const setNow = (iso: string) => {
    api.clock.set(new Date(iso));
    workerClock.set(new Date(iso));
  };
  const dispatch = () => runJobToCompletion(worker, JobName.DISPATCH_NOTIFICATIONS);
  const statuses = async (registrationId: string) =>
    (await api.dataSource.query(`SELECT kind, offset_minutes, status FROM notification WHERE registration_id = $1 ORDER BY kind, offset_minutes`, [
      registrationId,
    ])) as {
      kind: string;
      offset_minutes: number | null;
      status: string;
    }[];
  const mailsTo = (to: string) => smtp.mails.filter((m: CapturedMail) => m.to.includes(to));
  const smsTo = (to: string) => sms.messages.filter((m: CapturedSms) => m.to === to);

  it('confirms by e-mail, waitlists and promotes by SMS, in the participant’s language, exactly once each', async () => {
    const sessionId = dataOf(
      await api.gql(CREATE_SESSION, { i: sessionInput(world, { capacity: 1, hostIds: [world.userIds.host] }) }, world.tokens.coordinator),
    ).createSession.id;
    const register = (participant: Record<string, unknown>) =>
      api.gql(REGISTER_PARTICIPANT, { i: { sessionId, participant } }, world.tokens.coordinator).then(dataOf);
    const claire = (
      await register({ firstName: 'Claire', email: 'claire@example.org', preferredLanguage: 'fr', contactChannel: 'EMAIL', consentToContact: true })
    ).registerParticipant;
    const bilal = (await register({ firstName: 'Bilal', phone: '0470 99 88 77', preferredLanguage: 'ar', contactChannel: 'SMS', consentToContact: true }))
      .registerParticipant;
    expect([claire.status, bilal.status]).toEqual(['CONFIRMED', 'WAITLISTED']);

    await dispatch();
    const [confirmation] = await waitFor(() => (mailsTo('claire@example.org').length ? mailsTo('claire@example.org') : undefined), 'the confirmation e-mail');
    await waitFor(() => (smsTo('+32470998877').length ? true : undefined), 'the waiting-list SMS');
    expect(confirmation.html).toMatch(/lang="fr"/);
    expect(confirmation.dedupeKey).toBe(`REGISTRATION_CONFIRMED|${claire.id}|0`);
    expect(confirmation.attachments.some((a) => a.contentType.includes('calendar') && a.content.includes('BEGIN:VEVENT'))).toBe(true);
    // The headers as a mail client reads them: the language, a Message-ID at the sender's domain, one calendar method.
    const parsed = await simpleParser(confirmation.raw);
    expect(parsed.headers.get('content-language')).toBe('fr');
    expect(parsed.messageId?.split('@')[1]).toBe(`${mailDomain(api.config.mailFrom)}>`);
    const calendars = parsed.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(calendars.map((a) => a.filename ?? 'inline')).toEqual(expect.arrayContaining(['oefenkansen.ics']));
    for (const part of calendars) {
      const typed = (part.headers.get('content-type') as { params: Record<string, string> }).params.method;
      expect([typed, /^METHOD:(.+?)\r?$/m.exec(part.content.toString('utf8'))?.[1]]).toEqual(['PUBLISH', 'PUBLISH']);
    }
    expect(smsTo('+32470998877')[0].text).toMatch(/[\u0600-\u06FF]/);

    dataOf(await api.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: claire.id }, world.tokens.coordinator));
    await dispatch();
    await waitFor(() => (mailsTo('claire@example.org').length === 2 ? true : undefined), 'the cancellation e-mail');
    await waitFor(() => (smsTo('+32470998877').length === 2 ? true : undefined), 'the promotion SMS');
    await dispatch();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo('claire@example.org').map((m) => m.dedupeKey)).toEqual([`REGISTRATION_CONFIRMED|${claire.id}|0`, `REGISTRATION_CANCELLED|${claire.id}|0`]);
    expect(smsTo('+32470998877').map((m) => m.reference)).toEqual([`WAITLISTED|${bilal.id}|0`, `PROMOTED|${bilal.id}|0`]);

    // Claire's reminders died with her registration; Bilal's were created with his seat.
    expect((await statuses(claire.id)).filter((s) => s.kind === 'SESSION_REMINDER').map((s) => s.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect((await statuses(bilal.id)).filter((s) => s.kind === 'SESSION_REMINDER').map((s) => [s.offset_minutes, s.status])).toEqual([
      [120, 'PENDING'],
      [1440, 'PENDING'],
    ]);

    // The day before, 30 minutes after the 24-hour reminder fell due: only Bilal's goes out.
    setNow('2026-09-07T17:30:00Z');
    try {
      await dispatch();
      await waitFor(() => (smsTo('+32470998877').length === 3 ? true : undefined), 'the reminder SMS');
      expect(smsTo('+32470998877')[2].reference).toBe(`SESSION_REMINDER|${bilal.id}|1440`);
      expect(mailsTo('claire@example.org')).toHaveLength(2);
    } finally {
      setNow('2026-08-15T10:00:00Z');
    }
  });

  it('sends nothing stale: a reminder of a registration cancelled before its time is never sent', async () => {
    const sessionId = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { startsAt: '2026-09-09T19:00:00+02:00', endsAt: '2026-09-09T20:00:00+02:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    const dina = dataOf(
      await api.gql(
        REGISTER_PARTICIPANT,
        {
          i: {
            sessionId,
            participant: { firstName: 'Dina', email: 'dina@example.org', preferredLanguage: 'nl', contactChannel: 'EMAIL', consentToContact: true },
          },
        },
        world.tokens.coordinator,
      ),
    ).registerParticipant;
    // Cancelled straight in the database, as if the outbox had missed it: the worker's re-check catches it.
    await api.dataSource.query(`UPDATE registration SET status = 'CANCELLED' WHERE id = $1`, [dina.id]);
    setNow('2026-09-09T16:00:00Z');
    try {
      await dispatch();
      await waitFor(async () => ((await statuses(dina.id)).every((s) => s.status !== 'PENDING') ? true : undefined), 'the rows to be settled');
      expect((await statuses(dina.id)).map((s) => s.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
      expect(mailsTo('dina@example.org')).toEqual([]);
    } finally {
      setNow('2026-08-15T10:00:00Z');
    }
  });

  it('loses nothing when Redis is flushed: the dispatcher re-enqueues every due row once', async () => {
    const sessionId = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { capacity: 40, startsAt: '2026-09-10T19:00:00+02:00', endsAt: '2026-09-10T20:00:00+02:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    await worker.close();
    for (let i = 0; i < 40; i += 1) {
      dataOf(
        await api.gql(
          REGISTER_PARTICIPANT,
          {
            i: {
              sessionId,
              participant: {
                firstName: `Ouder ${i}`,
                email: `ouder${i}@example.org`,
                preferredLanguage: 'nl',
                contactChannel: 'EMAIL',
                consentToContact: true,
              },
            },
          },
          world.tokens.coordinator,
        ),
      );
    }
    const redis = new Redis(api.config.redisUrl);
    await redis.flushdb();
    redis.disconnect();
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ ...api.config, smtpUrl: smtp.url, smsGatewayUrl: sms.url })] })
      .overrideProvider(Clock)
      .useValue(workerClock)
      .compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();
    await waitFor(() => (smtp.mails.filter((m) => /^ouder\d+@/.test(m.to)).length >= 40 ? true : undefined), '40 confirmations after the flush', 30_000);
    await dispatch();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const keys = smtp.mails.filter((m) => /^ouder\d+@/.test(m.to)).map((m) => m.dedupeKey);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
  });

  it('tells everyone of a moved session and moves its reminders with it', async () => {
    const sessionId = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { startsAt: '2026-09-16T19:00:00+02:00', endsAt: '2026-09-16T20:00:00+02:00', hostIds: [world.userIds.host] }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    const eva = dataOf(
      await api.gql(
        REGISTER_PARTICIPANT,
        { i: { sessionId, participant: { firstName: 'Eva', phone: '0486 55 44 33', preferredLanguage: 'uk', contactChannel: 'SMS', consentToContact: true } } },
        world.tokens.coordinator,
      ),
    ).registerParticipant;
    const moved = await api.gql(
      'mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveSession(id: $id, startsAt: $s, endsAt: $e) { startsAt } }',
      { id: sessionId, s: '2026-09-17T18:00:00+02:00', e: '2026-09-17T19:00:00+02:00' },
      world.tokens.host,
    );
    expect(dataOf(moved).moveSession.startsAt).toBe('2026-09-17T18:00:00+02:00');
    const reminders = await api.dataSource.query(
      `SELECT offset_minutes, due_at, status FROM notification WHERE registration_id = $1 AND kind = 'SESSION_REMINDER' ORDER BY offset_minutes`,
      [eva.id],
    );
    expect(
      reminders.map((r: { offset_minutes: number; due_at: Date; status: string }) => [r.offset_minutes, new Date(r.due_at).toISOString(), r.status]),
    ).toEqual([
      [120, '2026-09-17T14:00:00.000Z', 'PENDING'],
      [1440, '2026-09-16T16:00:00.000Z', 'PENDING'],
    ]);
    await dispatch();
    const notice = await waitFor(() => smsTo('+32486554433').find((m) => m.reference.startsWith(`SESSION_MOVED|${eva.id}|`)), 'the SMS about the new time');
    expect(notice.text).toContain('Eva');
    // At the old reminder time nothing goes out; at the new one the reminder does.
    setNow('2026-09-15T17:30:00Z');
    try {
      await dispatch();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smsTo('+32486554433').filter((m) => m.reference.startsWith('SESSION_REMINDER'))).toEqual([]);
      setNow('2026-09-16T16:30:00Z');
      await dispatch();
      await waitFor(() => smsTo('+32486554433').find((m) => m.reference === `SESSION_REMINDER|${eva.id}|1440`), 'the reminder at the new time');
    } finally {
      setNow('2026-08-15T10:00:00Z');
    }
  });

  it("recomputes reminders of people already registered when the programme's offsets change", async () => {
    const programmeId = dataOf(
      await api.gql('mutation { createProgramme(input: { name: "Babbel+", kind: TABLE, defaultCapacity: 8 }) { id } }', {}, world.tokens.coordinator),
    ).createProgramme.id;
    const sessionId = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { programmeId, startsAt: '2026-09-19T10:00:00+02:00', endsAt: '2026-09-19T11:00:00+02:00' }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    const fien = dataOf(
      await api.gql(
        REGISTER_PARTICIPANT,
        {
          i: {
            sessionId,
            participant: { firstName: 'Fien', email: 'fien@example.org', preferredLanguage: 'nl', contactChannel: 'EMAIL', consentToContact: true },
          },
        },
        world.tokens.coordinator,
      ),
    ).registerParticipant;
    dataOf(
      await api.gql(
        'mutation($id: ID!) { updateProgramme(id: $id, input: { reminderOffsetsMinutes: [2880, 120] }) { id } }',
        { id: programmeId },
        world.tokens.coordinator,
      ),
    );
    const reminders = (await statuses(fien.id)).filter((s) => s.kind === 'SESSION_REMINDER').map((s) => [s.offset_minutes, s.status]);
    expect(reminders).toEqual([
      [120, 'PENDING'],
      [1440, 'CANCELLED'],
      [2880, 'PENDING'],
    ]);
  });

  describe('alerts to staff', () => {
    // The sweep only writes rows: the test dispatches them itself rather than wait for the 20-second dispatcher.
    const sweep = async () => {
      await runJobToCompletion(worker, JobName.SWEEP_ALERTS);
      await dispatch();
    };
    const staffMails = (kind: string, sessionId: string) => smtp.mails.filter((m) => m.dedupeKey.startsWith(`${kind}|${sessionId}|`));
    const settle = async () => {
      await dispatch();
      await new Promise((resolve) => setTimeout(resolve, 800));
    };

    it('tells hosts and coordinators once each time a session fills, not on every registration', async () => {
      const sessionId = dataOf(
        await api.gql(
          CREATE_SESSION,
          {
            i: sessionInput(world, { capacity: 2, hostIds: [world.userIds.host], startsAt: '2026-09-15T19:00:00+02:00', endsAt: '2026-09-15T20:00:00+02:00' }),
          },
          world.tokens.coordinator,
        ),
      ).createSession.id;
      const register = (firstName: string) =>
        api
          .gql(
            REGISTER_PARTICIPANT,
            { i: { sessionId, participant: { firstName, preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false } } },
            world.tokens.coordinator,
          )
          .then(dataOf);
      const first = (await register('Een')).registerParticipant;
      await register('Twee');
      await register('Drie');
      await settle();
      await waitFor(() => (staffMails('SESSION_FULL', sessionId).length === 2 ? true : undefined), 'the first full alerts');
      expect(
        staffMails('SESSION_FULL', sessionId)
          .map((m) => m.to)
          .sort(),
      ).toEqual(['coordinator@test.oefenkansen.be', 'host@test.oefenkansen.be']);

      // A seat handed on keeps the session full: no new alert.
      dataOf(await api.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: first.id }, world.tokens.coordinator));
      // More seats: no longer full. Filling them again is a second episode.
      dataOf(
        await api.gql(
          'mutation($id: ID!, $c: Int!) { updateSessionCapacity(id: $id, capacity: $c) { capacity } }',
          { id: sessionId, c: 3 },
          world.tokens.coordinator,
        ),
      );
      await register('Vier');
      await settle();
      await waitFor(() => (staffMails('SESSION_FULL', sessionId).length === 4 ? true : undefined), 'the second full alerts');
      await settle();
      expect(
        staffMails('SESSION_FULL', sessionId)
          .map((m) => m.dedupeKey.split('|')[2])
          .sort(),
      ).toEqual(['1', '1', '2', '2']);
      expect(staffMails('SESSION_FULL', sessionId).find((m) => m.to.startsWith('host@'))!.text).toMatch(/Hallo host/);
    });

    it('warns the host two days ahead of an under-booked session, and sends the school its digest of parents to remind', async () => {
      const sessionId = dataOf(
        await api.gql(
          CREATE_SESSION,
          {
            i: sessionInput(world, {
              venueId: world.schoolVenueId,
              programmeId: world.schoolbabbelId,
              hostIds: [world.userIds.host],
              startsAt: '2026-09-22T08:45:00+02:00',
              endsAt: '2026-09-22T10:00:00+02:00',
            }),
          },
          world.tokens.coordinator,
        ),
      ).createSession.id;
      dataOf(
        await api.gql(
          REGISTER_PARTICIPANT,
          {
            i: {
              sessionId,
              participant: { firstName: 'Hawa', lastName: 'Yusuf', preferredLanguage: 'so', contactChannel: 'VIA_ORGANISATION', consentToContact: false },
            },
          },
          world.tokens.schoolContact,
        ),
      );
      // 17:30 the day before (Brussels): within 48 hours, and digest time.
      setNow('2026-09-21T15:30:00Z');
      try {
        await sweep();
        await waitFor(() => (staffMails('UNDER_BOOKED', sessionId).length >= 1 ? true : undefined), 'the under-booked alert');
        const digest = await waitFor(
          () => smtp.mails.find((m) => m.dedupeKey === `SCHOOL_DIGEST|${world.userIds.schoolContact}|2026-09-22`),
          'the school digest',
        );
        expect(digest.to).toBe('schoolcontact@test.oefenkansen.be');
        expect(digest.text).toContain('Hawa');
        const hostDigest = await waitFor(() => smtp.mails.find((m) => m.dedupeKey === `HOST_DIGEST|${world.userIds.host}|2026-09-22`), 'the host digest');
        expect(hostDigest.text).toContain('Hawa');
        // Sweeping again writes nothing twice.
        await sweep();
        await settle();
        expect(smtp.mails.filter((m) => m.dedupeKey === `SCHOOL_DIGEST|${world.userIds.schoolContact}|2026-09-22`)).toHaveLength(1);
        expect(
          staffMails('UNDER_BOOKED', sessionId)
            .map((m) => m.to)
            .sort(),
        ).toEqual(['coordinator@test.oefenkansen.be', 'host@test.oefenkansen.be']);
      } finally {
        setNow('2026-08-15T10:00:00Z');
      }
    });
  });
});
