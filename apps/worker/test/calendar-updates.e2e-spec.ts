import { CapturedMail } from '@app/testing';
import { CREATE_SESSION, createWorld, MOVE_SESSION, REGISTER_PARTICIPANT, sessionInput, World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { CalendarStore, calendarPartOf, onlyEvent, toSecond } from './calendar-store';
import { MessageRig, startMessageRig } from './message-rig';

const NOW = '2026-08-15T10:00:00Z';
const CANCEL_SESSION = `mutation($id: ID!, $r: String) { cancelSession(id: $id, reason: $r) { status } }`;

/**
 * The entry a person added from their confirmation follows the session. Every mail about
 * it carries the same UID; a move raises SEQUENCE with the new times, a cancellation is METHOD:CANCEL.
 * A calendar app's store (RFC 5546 rules) is fed the mails as node-ical parses them.
 */
describe('calendar updates when a session moves or is cancelled', () => {
  let rig: MessageRig;
  let world: World;
  beforeAll(async () => {
    rig = await startMessageRig(NOW);
    world = await createWorld(rig.api);
  });
  afterAll(() => rig?.close());

  const mailsTo = (to: string) => rig.smtp.mails.filter((m: CapturedMail) => m.to.includes(to));
  const mailOf = (to: string, kind: string) => {
    const found = mailsTo(to).filter((m) => m.dedupeKey.startsWith(`${kind}|`));
    expect(found).toHaveLength(1);
    return found[0];
  };
  const revision = async (sessionId: string) =>
    (
      await rig.query<{ calendar_sequence: number; calendar_changed_at: Date }>(`SELECT calendar_sequence, calendar_changed_at FROM session WHERE id = $1`, [
        sessionId,
      ])
    )[0];

  it('imports the confirmation, applies the move, ignores a stale copy, and removes the entry on cancellation', async () => {
    const { api } = rig;
    const sessionId = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { capacity: 1, startsAt: '2026-09-22T19:00:00+02:00', endsAt: '2026-09-22T20:30:00+02:00', hostIds: [world.userIds.host] }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    const register = async (participant: Record<string, unknown>) =>
      dataOf(await api.gql(REGISTER_PARTICIPANT, { i: { sessionId, participant } }, world.tokens.coordinator)).registerParticipant;
    const anna = await register({ firstName: 'Anna', email: 'anna@example.org', preferredLanguage: 'nl', contactChannel: 'EMAIL', consentToContact: true });
    const bram = await register({ firstName: 'Bram', email: 'bram@example.org', preferredLanguage: 'nl', contactChannel: 'EMAIL', consentToContact: true });
    expect([anna.status, bram.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    await rig.deliverDue();

    // 1. The confirmation: the session's UID at SEQUENCE 0, last modified when it was planned.
    const store = new CalendarStore();
    const confirmation = (await calendarPartOf(mailOf('anna@example.org', 'REGISTRATION_CONFIRMED')))!;
    expect([confirmation.typed, confirmation.declared]).toEqual(['PUBLISH', 'PUBLISH']);
    const planned = await revision(sessionId);
    expect(planned.calendar_sequence).toBe(0);
    expect(toSecond(onlyEvent(confirmation.ics).lastmodified!)).toBe(toSecond(planned.calendar_changed_at));
    expect(store.apply(confirmation.ics)).toEqual([sessionId]);
    expect(store.visible()).toEqual({
      [sessionId]: { start: '2026-09-22T17:00:00.000Z', end: '2026-09-22T18:30:00.000Z', summary: 'Praattafel Overleie', sequence: 0 },
    });

    // 2. The host moves the session a day on: SEQUENCE 1, the new times, replaced in the store.
    dataOf(await api.gql(MOVE_SESSION, { id: sessionId, s: '2026-09-23T18:00:00+02:00', e: '2026-09-23T19:30:00+02:00' }, world.tokens.host));
    const moved = await revision(sessionId);
    expect(moved.calendar_sequence).toBe(1);
    await rig.deliverDue();
    const update = (await calendarPartOf(mailOf('anna@example.org', 'SESSION_MOVED')))!;
    expect([update.typed, update.declared]).toEqual(['PUBLISH', 'PUBLISH']);
    expect(toSecond(onlyEvent(update.ics).lastmodified!)).toBe(toSecond(moved.calendar_changed_at));
    expect(store.apply(update.ics)).toEqual([sessionId]);
    expect(store.visible()).toEqual({
      [sessionId]: { start: '2026-09-23T16:00:00.000Z', end: '2026-09-23T17:30:00.000Z', summary: 'Praattafel Overleie', sequence: 1 },
    });
    // Bram, on the waiting list, hears the new time but gets no entry for a seat he does not have.
    expect(await calendarPartOf(mailOf('bram@example.org', 'SESSION_MOVED'))).toBeNull();

    // 3. The old confirmation arriving late (a lower SEQUENCE) changes nothing.
    expect(store.apply(confirmation.ics)).toEqual([]);
    expect(store.visible()[sessionId].start).toBe('2026-09-23T16:00:00.000Z');

    // 4. The reminder a day before carries the same revision: applied, it changes nothing.
    rig.setNow('2026-09-22T16:00:30Z');
    await rig.deliverDue();
    const reminderEvent = onlyEvent((await calendarPartOf(mailOf('anna@example.org', 'SESSION_REMINDER')))!.ics);
    expect([reminderEvent.uid, reminderEvent.sequence, new Date(reminderEvent.start).toISOString()]).toEqual([sessionId, 1, '2026-09-23T16:00:00.000Z']);

    // 5. The session is cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE 2; the entry goes.
    dataOf(await api.gql(CANCEL_SESSION, { id: sessionId, r: 'Zaal niet beschikbaar' }, world.tokens.coordinator));
    const cancelled = await revision(sessionId);
    expect(cancelled.calendar_sequence).toBe(2);
    await rig.deliverDue();
    const cancel = (await calendarPartOf(mailOf('anna@example.org', 'SESSION_CANCELLED')))!;
    expect([cancel.typed, cancel.declared]).toEqual(['CANCEL', 'CANCEL']);
    const cancelEvent = onlyEvent(cancel.ics);
    expect([cancelEvent.uid, cancelEvent.sequence, cancelEvent.status]).toEqual([sessionId, 2, 'CANCELLED']);
    expect(toSecond(cancelEvent.lastmodified!)).toBe(toSecond(cancelled.calendar_changed_at));
    expect(store.apply(cancel.ics)).toEqual([sessionId]);
    expect(store.visible()).toEqual({});
    // The move's update arriving after the cancellation does not bring the entry back.
    expect(store.apply(update.ics)).toEqual([]);
    expect(store.visible()).toEqual({});
    expect(await calendarPartOf(mailOf('bram@example.org', 'SESSION_CANCELLED'))).toBeNull();
  });

  it('sends a confirmation made after a move with the revision the move left', async () => {
    const { api } = rig;
    rig.setNow(NOW);
    const sessionId = dataOf(
      await api.gql(
        CREATE_SESSION,
        { i: sessionInput(world, { startsAt: '2026-10-06T19:00:00+02:00', endsAt: '2026-10-06T20:30:00+02:00', hostIds: [world.userIds.host] }) },
        world.tokens.coordinator,
      ),
    ).createSession.id;
    dataOf(await api.gql(MOVE_SESSION, { id: sessionId, s: '2026-10-07T19:00:00+02:00', e: '2026-10-07T20:30:00+02:00' }, world.tokens.host));
    dataOf(await api.gql(MOVE_SESSION, { id: sessionId, s: '2026-10-08T19:00:00+02:00', e: '2026-10-08T20:30:00+02:00' }, world.tokens.host));
    // A save that writes the session again without a change a calendar follows leaves the revision alone.
    await rig.query(`UPDATE session SET title = title, calendar_sequence = 0 WHERE id = $1`, [sessionId]);
    const { calendar_sequence: sequence, calendar_changed_at: changedAt } = await revision(sessionId);
    expect(sequence).toBe(2);
    dataOf(
      await api.gql(
        REGISTER_PARTICIPANT,
        {
          i: {
            sessionId,
            participant: { firstName: 'Carla', email: 'carla@example.org', preferredLanguage: 'nl', contactChannel: 'EMAIL', consentToContact: true },
          },
        },
        world.tokens.coordinator,
      ),
    );
    await rig.deliverDue();
    const event = onlyEvent((await calendarPartOf(mailOf('carla@example.org', 'REGISTRATION_CONFIRMED')))!.ics);
    expect([event.uid, event.sequence, new Date(event.start).toISOString(), toSecond(event.lastmodified!)]).toEqual([
      sessionId,
      2,
      '2026-10-08T17:00:00.000Z',
      toSecond(changedAt),
    ]);
  });
});
