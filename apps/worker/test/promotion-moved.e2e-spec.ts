import { CapturedSms } from '@app/testing';
import { CREATE_SESSION, createWorld, MOVE_SESSION, REGISTER_PARTICIPANT, sessionInput, World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { MessageRig, startMessageRig } from './message-rig';

const NOW = '2026-08-15T10:00:00Z';
const CANCEL = `mutation($id: ID!) { cancelRegistration(id: $id) { status } }`;

/**
 * A place comes free and the session moves before the worker sends the promotion. The
 * promotion is still true (the person has a seat), so it goes out with the session's time as it is
 * when sent; the SESSION_MOVED message goes out too.
 */
describe('a waiting-list promotion when the session moves before it is sent', () => {
  let rig: MessageRig;
  let world: World;
  beforeAll(async () => {
    rig = await startMessageRig(NOW);
    world = await createWorld(rig.api);
  });
  afterAll(() => rig?.close());

  const smsTo = (to: string) => rig.sms.messages.filter((m: CapturedSms) => m.to === to);

  it('tells the promoted person they have a seat, at the new time, and that the session moved', async () => {
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
    const bram = await register({ firstName: 'Bram', phone: '0471 22 33 44', preferredLanguage: 'nl', contactChannel: 'SMS', consentToContact: true });
    expect([anna.status, bram.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    await rig.deliverDue();
    expect(smsTo('+32471223344').map((m) => m.reference)).toEqual([`WAITLISTED|${bram.id}|0`]);

    // Anna cancels, and seconds later the host moves the session a day on: the worker sends nothing in between.
    await rig.withDeliveriesHeld(async () => {
      dataOf(await api.gql(CANCEL, { id: anna.id }, world.tokens.coordinator));
      expect(
        dataOf(await api.gql(MOVE_SESSION, { id: sessionId, s: '2026-09-23T18:00:00+02:00', e: '2026-09-23T19:30:00+02:00' }, world.tokens.host)).moveSession
          .startsAt,
      ).toBe('2026-09-23T18:00:00+02:00');
    });
    await rig.deliverDue();

    const toBram = smsTo('+32471223344');
    expect(toBram.map((m) => m.reference.split('|')[0]).sort()).toEqual(['PROMOTED', 'SESSION_MOVED', 'WAITLISTED']);
    const promoted = toBram.find((m) => m.reference === `PROMOTED|${bram.id}|0`)!;
    expect(promoted.text).toContain('Je hebt een plaats');
    expect(promoted.text).toContain('woensdag 23 september om 18:00');
    expect(promoted.text).not.toContain('22 september');
    const moved = toBram.find((m) => m.reference.startsWith(`SESSION_MOVED|${bram.id}|`))!;
    expect(moved.text).toContain('woensdag 23 september om 18:00');
    const [row] = await rig.query<{ status: string; last_error: string | null }>(
      `SELECT status, last_error FROM notification WHERE registration_id = $1 AND kind = 'PROMOTED'`,
      [bram.id],
    );
    expect(row).toEqual({ status: 'SENT', last_error: null });
    // His reminders followed the session to its new time.
    const reminders = await rig.query<{ offset_minutes: number; due_at: Date; status: string }>(
      `SELECT offset_minutes, due_at, status FROM notification WHERE registration_id = $1 AND kind = 'SESSION_REMINDER' ORDER BY offset_minutes`,
      [bram.id],
    );
    expect(reminders.map((r) => [r.offset_minutes, new Date(r.due_at).toISOString(), r.status])).toEqual([
      [120, '2026-09-23T14:00:00.000Z', 'PENDING'],
      [1440, '2026-09-22T16:00:00.000Z', 'PENDING'],
    ]);
  });
});
