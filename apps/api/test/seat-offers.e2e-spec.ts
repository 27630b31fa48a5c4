import { PersonalLinks, SeatOffersService } from '@app/registrations';
import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from './fixtures';
import { dataOf, errorOf, startTestApi, tableSnapshot, TestApi } from './test-api';

const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;
const REGISTRATION = `query($id: ID!) { registration(id: $id) { id status seatOfferExpiresAt } }`;
const COUNTS = `query($id: ID!) { session(id: $id) { confirmedCount waitlistCount availableSeats } }`;
const ACCEPT = `mutation($t: String!) { confirmMyRegistration(token: $t) { id status seatOfferExpiresAt confirmedByHolderAt } }`;
const DECLINE = `mutation($t: String!) { declineSeatOffer(token: $t) { id status } }`;
const HOUR = 3_600_000;

/** Issue 21 "Seat offers": a seat freed close to the start is held for the first waiting person, who takes it or lets it go on. */
describe('seat offers', () => {
  let api: TestApi;
  let world: World;
  let token: string;
  let offers: SeatOffersService;
  let links: PersonalLinks;
  /** What the holder of the registration's personal link does, without a login. */
  const byLink = (query: string, registrationId: string) => api.gql(query, { t: links.tokenFor(registrationId) }, null);
  const start = new Date('2026-09-08T12:00:00Z');

  beforeAll(async () => {
    api = await startTestApi({ now: start });
    world = await createWorld(api);
    token = world.tokens.coordinator;
    offers = api.app.get(SeatOffersService);
    links = api.app.get(PersonalLinks);
  });
  afterAll(() => api?.close());
  beforeEach(() => api.clock.set(start));

  /** A session starting `hoursAhead` from now with one seat, its holder and `waiting` people on the waiting list (SMS, Dutch). */
  async function fullSession(hoursAhead: number, waiting: number, title: string) {
    const startsAt = new Date(api.clock.now().getTime() + hoursAhead * HOUR);
    const input = sessionInput(world, {
      title,
      capacity: 1,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 1.5 * HOUR).toISOString(),
    });
    const sessionId = dataOf(await api.gql(CREATE_SESSION, { i: input }, token)).createSession.id as string;
    const ids: string[] = [];
    for (let i = 0; i <= waiting; i += 1) {
      const participant = {
        firstName: `Ouder${i}`,
        phone: `+3247066${String(Math.floor(Math.random() * 9000) + 1000)}`,
        preferredLanguage: 'nl',
        contactChannel: 'SMS',
        consentToContact: true,
      };
      ids.push(dataOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId, participant } }, token)).registerParticipant.id);
    }
    return { sessionId, startsAt, holder: ids[0], waiting: ids.slice(1) };
  }

  /** The registration as GraphQL gives it, its expiry as a Date (the scalar writes Brussels time). */
  const registration = async (id: string) => {
    const found = dataOf(await api.gql(REGISTRATION, { id }, token)).registration;
    return { ...found, seatOfferExpiresAt: found.seatOfferExpiresAt ? new Date(found.seatOfferExpiresAt) : null };
  };
  const eventsOf = async (id: string): Promise<string[]> =>
    (await api.dataSource.query(`SELECT kind FROM registration_event WHERE registration_id = $1 ORDER BY occurred_at, kind`, [id])).map(
      (row: { kind: string }) => row.kind,
    );
  const messagesOf = async (id: string): Promise<string[]> =>
    (await api.dataSource.query(`SELECT kind FROM notification WHERE registration_id = $1 AND status = 'PENDING' ORDER BY kind`, [id])).map(
      (row: { kind: string }) => row.kind,
    );

  it('a seat freed 5 h before the start is OFFERED to the first in line until now + 3 h; it holds the seat', async () => {
    const { sessionId, holder, waiting } = await fullSession(5, 2, 'Aanbod vijf uur');
    dataOf(await api.gql(CANCEL, { id: holder }, token));
    const first = await registration(waiting[0]);
    expect(first).toEqual({ id: waiting[0], status: 'OFFERED', seatOfferExpiresAt: new Date(start.getTime() + 3 * HOUR) });
    expect((await registration(waiting[1])).status).toBe('WAITLISTED');
    expect(dataOf(await api.gql(COUNTS, { id: sessionId }, token)).session).toEqual({ confirmedCount: 1, waitlistCount: 1, availableSeats: 0 });
    expect(await eventsOf(waiting[0])).toEqual(['WAITLISTED', 'OFFERED']);
    expect(await messagesOf(waiting[0])).toContain('SEAT_OFFERED');
    // No reminders before the seat is taken.
    expect(await messagesOf(waiting[0])).not.toContain('SESSION_REMINDER');
    // A newcomer now waits too: the offered seat is not free.
    const late = { firstName: 'Laat', preferredLanguage: 'nl', contactChannel: 'NONE', consentToContact: false };
    expect(dataOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId, participant: late } }, token)).registerParticipant.status).toBe('WAITLISTED');
  });

  it('the hold never runs past the start', async () => {
    const { holder, waiting } = await fullSession(1, 1, 'Aanbod één uur');
    dataOf(await api.gql(CANCEL, { id: holder }, token));
    expect(await registration(waiting[0])).toMatchObject({ status: 'OFFERED', seatOfferExpiresAt: new Date(start.getTime() + HOUR) });
  });

  it('a seat freed 3 days before the start is promoted at once (PROMOTED)', async () => {
    const { holder, waiting } = await fullSession(72, 1, 'Drie dagen vooraf');
    dataOf(await api.gql(CANCEL, { id: holder }, token));
    expect(await registration(waiting[0])).toEqual({ id: waiting[0], status: 'CONFIRMED', seatOfferExpiresAt: null });
    expect(await eventsOf(waiting[0])).toEqual(['WAITLISTED', 'PROMOTED']);
  });

  it('accept confirms, with the confirmation and the reminders of a promotion', async () => {
    const { holder, waiting } = await fullSession(5, 1, 'Aanvaarden');
    dataOf(await api.gql(CANCEL, { id: holder }, token));
    const accepted = dataOf(await byLink(ACCEPT, waiting[0])).confirmMyRegistration;
    expect(accepted).toMatchObject({ status: 'CONFIRMED', seatOfferExpiresAt: null });
    // Yes to the offer is "I am coming" as well.
    expect(new Date(accepted.confirmedByHolderAt)).toEqual(start);
    expect(await registration(waiting[0])).toEqual({ id: waiting[0], status: 'CONFIRMED', seatOfferExpiresAt: null });
    expect(await eventsOf(waiting[0])).toEqual(['WAITLISTED', 'OFFERED', 'OFFER_ACCEPTED']);
    expect(
      await api.dataSource.query(`SELECT actor_id, via FROM registration_event WHERE registration_id = $1 AND kind = 'OFFER_ACCEPTED'`, [waiting[0]]),
    ).toEqual([{ actor_id: null, via: 'LINK' }]);
    expect(await messagesOf(waiting[0])).toEqual(expect.arrayContaining(['REGISTRATION_CONFIRMED', 'SESSION_REMINDER']));
    // Twice is refused with a code and changes nothing.
    const before = await tableSnapshot(api.dataSource, ['registration', 'registration_event', 'notification']);
    await expect(offers.accept(waiting[0], null, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await tableSnapshot(api.dataSource, ['registration', 'registration_event', 'notification'])).toEqual(before);
  });

  it('decline cancels (the person is told) and offers the seat to the next in line', async () => {
    const { holder, waiting } = await fullSession(5, 2, 'Weigeren');
    dataOf(await api.gql(CANCEL, { id: holder }, token));
    const declined = dataOf(await byLink(DECLINE, waiting[0])).declineSeatOffer;
    expect(declined).toEqual({ id: waiting[0], status: 'CANCELLED' });
    expect(await eventsOf(waiting[0])).toEqual(['WAITLISTED', 'OFFERED', 'OFFER_DECLINED']);
    expect(await messagesOf(waiting[0])).toEqual(['REGISTRATION_CANCELLED']);
    expect(await registration(waiting[1])).toMatchObject({ status: 'OFFERED' });
  });

  it('expiry by the sweep passes the seat on exactly once, even with sweeps running at the same time', async () => {
    const { holder, waiting } = await fullSession(5, 2, 'Verlopen');
    dataOf(await api.gql(CANCEL, { id: holder }, token));
    api.clock.advanceMinutes(179);
    await offers.expireDue();
    expect((await registration(waiting[0])).status).toBe('OFFERED');
    api.clock.advanceMinutes(1);
    // A yes after the hold time is too late, even before the sweep came by.
    expect(errorOf(await byLink(ACCEPT, waiting[0])).code).toBe('CONFLICT');
    await Promise.all([offers.expireDue(), offers.expireDue(), offers.expireDue()]);
    expect(await registration(waiting[0])).toEqual({ id: waiting[0], status: 'CANCELLED', seatOfferExpiresAt: null });
    expect(await eventsOf(waiting[0])).toEqual(['WAITLISTED', 'OFFERED', 'OFFER_EXPIRED']);
    expect(await messagesOf(waiting[0])).toEqual(['SEAT_OFFER_EXPIRED']);
    // The next is offered the seat from now, for at most the time left before the start (2 h).
    expect(await registration(waiting[1])).toEqual({ id: waiting[1], status: 'OFFERED', seatOfferExpiresAt: new Date(start.getTime() + 5 * HOUR) });
    // Once the session has started, nothing can be answered.
    api.clock.advanceMinutes(120);
    expect(errorOf(await byLink(ACCEPT, waiting[1])).code).toBe('SESSION_IN_PAST');
    // At the start the last offer runs out and nobody else is offered the seat.
    await offers.expireDue();
    expect((await registration(waiting[1])).status).toBe('CANCELLED');
    expect(await eventsOf(waiting[1])).toEqual(['WAITLISTED', 'OFFERED', 'OFFER_EXPIRED']);
  });

  it('cancelling an offered registration passes the seat on as well', async () => {
    const { holder, waiting } = await fullSession(5, 2, 'Aanbod geannuleerd');
    dataOf(await api.gql(CANCEL, { id: holder }, token));
    dataOf(await api.gql(CANCEL, { id: waiting[0] }, token));
    expect((await registration(waiting[1])).status).toBe('OFFERED');
  });

  it('programmes keep the offer window and hold time, validated', async () => {
    const CREATE = `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id seatOfferWindowMinutes seatOfferHoldMinutes } }`;
    const UPDATE = `mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { seatOfferWindowMinutes seatOfferHoldMinutes } }`;
    const created = dataOf(await api.gql(CREATE, { i: { name: 'Zomerschool aanbod', kind: 'TABLE', defaultCapacity: 8 } }, token)).createProgramme;
    expect(created).toMatchObject({ seatOfferWindowMinutes: 1440, seatOfferHoldMinutes: 180 });
    const updated = dataOf(await api.gql(UPDATE, { id: created.id, i: { seatOfferWindowMinutes: 2880, seatOfferHoldMinutes: 60 } }, token));
    expect(updated.updateProgramme).toEqual({ seatOfferWindowMinutes: 2880, seatOfferHoldMinutes: 60 });
    const before = await tableSnapshot(api.dataSource, ['programme']);
    for (const [input, field] of [
      [{ seatOfferWindowMinutes: -1 }, 'seatOfferWindowMinutes'],
      [{ seatOfferWindowMinutes: 20161 }, 'seatOfferWindowMinutes'],
      [{ seatOfferHoldMinutes: 14 }, 'seatOfferHoldMinutes'],
      [{ seatOfferHoldMinutes: 2881 }, 'seatOfferHoldMinutes'],
    ] as const) {
      const error = errorOf(await api.gql(UPDATE, { id: created.id, i: input }, token));
      expect({ code: error.code, field: error.extensions.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    expect(await tableSnapshot(api.dataSource, ['programme'])).toEqual(before);
  });

  it('a programme with window 0 never offers: seats are given at once', async () => {
    const UPDATE = `mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id } }`;
    dataOf(await api.gql(UPDATE, { id: world.praattafelId, i: { seatOfferWindowMinutes: 0 } }, token));
    try {
      const { holder, waiting } = await fullSession(2, 1, 'Nooit aanbieden');
      dataOf(await api.gql(CANCEL, { id: holder }, token));
      expect((await registration(waiting[0])).status).toBe('CONFIRMED');
    } finally {
      dataOf(await api.gql(UPDATE, { id: world.praattafelId, i: { seatOfferWindowMinutes: 1440 } }, token));
    }
  });
});
