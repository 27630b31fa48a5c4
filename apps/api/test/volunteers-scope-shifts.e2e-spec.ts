import { DateTime } from 'luxon';
import { describeScopeMatrix } from './scope-matrix';
import { errorOf } from './test-api';
import {
  ADD_ABSENCE,
  ASSIGN,
  CREATE_SHIFT,
  expectNoLeak,
  iso,
  MATRIX,
  OperationName,
  OTHER_VOLUNTEER,
  setUpVolunteersScope,
  snapshot,
  SWAP,
  ZONE,
} from './volunteers-scope/setup';
import { shiftOperations } from './volunteers-scope/shifts';

/** Role scope of shifts, assignments, swaps and swap requests (the matrix and its set-up are in ./volunteers-scope/setup.ts). */
describe('volunteers: role scope', () => {
  const scope = setUpVolunteersScope();
  const { asAdmin, assign, createSessionOn, volunteerId } = scope;
  const operations = shiftOperations(scope);

  /**
   * A host may put a volunteer on their session's shift and a volunteer may hand theirs to a colleague,
   * but when and why that volunteer is away, or which other shift they hold, is for the volunteer
   * and coordinators: the refusal says only that the volunteer is not available then.
   */
  describe('what a refusal to put someone on a shift tells', () => {
    const day = DateTime.fromISO('2028-10-03', { zone: ZONE });
    const refusals = async (shiftId: string, assignmentId: string) => {
      const before = await snapshot(scope.api);
      const results = {
        volunteer: await scope.api.gql(SWAP, { a: assignmentId, v: scope.otherVolunteerId }, scope.world.tokens.volunteer),
        host: await scope.api.gql(ASSIGN, { s: shiftId, v: scope.otherVolunteerId }, scope.world.tokens.host),
        coordinator: await scope.api.gql(ASSIGN, { s: shiftId, v: scope.otherVolunteerId }, scope.world.tokens.coordinator),
      };
      for (const result of Object.values(results)) expect(errorOf(result).code).toBe('VOLUNTEER_UNAVAILABLE');
      expect(await snapshot(scope.api)).toEqual(before);
      return results;
    };

    it('does not tell a host or a colleague when the volunteer is away', async () => {
      const session = await createSessionOn(day, 'Praattafel oktober');
      const shiftId = (await asAdmin(CREATE_SHIFT, { i: { sessionId: session.id, role: 'WELCOME', needed: 2 } })).createShift.id;
      const assignmentId = await assign(shiftId, volunteerId());
      await asAdmin(ADD_ABSENCE, { v: scope.otherVolunteerId, i: { startsOn: '2028-10-02', endsOn: '2028-10-04', reason: 'Operatie aan de knie' } });

      const { volunteer, host, coordinator } = await refusals(shiftId, assignmentId);
      // A colleague asking is not even told which of the two it is.
      expect(errorOf(volunteer).extensions.reason).toBeUndefined();
      expect(errorOf(host).extensions).toMatchObject({ reason: 'AWAY' });
      for (const result of [volunteer, host]) {
        expectNoLeak(result, '2028-10-02', '2028-10-04', 'Operatie', OTHER_VOLUNTEER.displayName);
      }
      expect(errorOf(coordinator).message).toContain('away from 2028-10-02 to 2028-10-04');
      expectNoLeak(coordinator, 'Operatie');
    });

    it('does not tell a host or a colleague which other shift the volunteer holds', async () => {
      const later = day.plus({ days: 7 });
      const session = await createSessionOn(later, 'Praattafel later in oktober');
      const shiftId = (await asAdmin(CREATE_SHIFT, { i: { sessionId: session.id, role: 'WELCOME', needed: 2 } })).createShift.id;
      const assignmentId = await assign(shiftId, volunteerId());
      const elsewhere = (
        await asAdmin(CREATE_SHIFT, {
          i: { title: 'Tolken bij de huisarts', role: 'TRANSLATOR', needed: 1, startsAt: iso(later, '14:30'), endsAt: iso(later, '15:30') },
        })
      ).createShift.id;
      await assign(elsewhere, scope.otherVolunteerId);

      const { volunteer, host, coordinator } = await refusals(shiftId, assignmentId);
      expect(errorOf(volunteer).extensions.reason).toBeUndefined();
      expect(errorOf(host).extensions).toMatchObject({ reason: 'OVERLAP' });
      for (const result of [volunteer, host]) {
        expectNoLeak(result, 'huisarts', '14:30', elsewhere);
      }
      expect(errorOf(coordinator).message).toContain('Tolken bij de huisarts');
    });
  });

  describeScopeMatrix({
    matrix: MATRIX,
    rows: Object.keys(operations) as OperationName[],
    operations,
    snapshot: () => snapshot(scope.api),
    tokenOf: scope.tokenOf,
  });
});
