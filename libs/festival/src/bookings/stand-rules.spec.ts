import { Actor, AppError, ErrorCode, Role } from '@app/common';
import { OpeningBlock, openingBlocksOf, periodContaining } from '../editions/opening-hours';
import { defaultOpeningBlocks } from '../editions/sinksenfeesten';
import { festivalPolicy } from '../festival-policy';
import type { PlacementFacts, PlacementQuery } from './stand-placement.repository';
import { cancelledByCity, dayOverPlotLimit, planPlacement, requireApplicationsOpen, slotsOverlapOnOnePlot } from './stand-rules';

function refusal(run: () => unknown): { code: ErrorCode; message: string; details: Record<string, unknown> } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message, details: error.details };
  }
}

// Sinksenfeesten 2027: Friday 14 to Monday 17 May, Brussels summer time (UTC+2).
const at = (local: string) => new Date(`${local}:00+02:00`);
const slot = (plotId: string, from: string, to: string) => ({ plotId, startsAt: at(from), endsAt: at(to) });

describe('slots asked for in one request', () => {
  it('may not overlap on one plot', () => {
    expect(slotsOverlapOnOnePlot([slot('A1', '2027-05-15T11:00', '2027-05-15T15:00'), slot('A1', '2027-05-15T14:00', '2027-05-15T16:00')])).toBe(true);
    expect(
      slotsOverlapOnOnePlot([
        slot('A1', '2027-05-15T11:00', '2027-05-15T15:00'),
        slot('B2', '2027-05-15T13:00', '2027-05-15T17:00'),
        slot('A1', '2027-05-15T12:00', '2027-05-15T13:00'),
      ]),
    ).toBe(true);
  });

  it('may follow each other on one plot, or share a time on different plots', () => {
    expect(slotsOverlapOnOnePlot([slot('A1', '2027-05-15T11:00', '2027-05-15T15:00'), slot('A1', '2027-05-15T15:00', '2027-05-15T19:00')])).toBe(false);
    expect(slotsOverlapOnOnePlot([slot('A1', '2027-05-15T11:00', '2027-05-15T15:00'), slot('B2', '2027-05-15T11:00', '2027-05-15T15:00')])).toBe(false);
    expect(slotsOverlapOnOnePlot([slot('A1', '2027-05-15T11:00', '2027-05-15T15:00')])).toBe(false);
  });
});

describe('plots per association per day', () => {
  const saturday = '2027-05-15';
  const sunday = '2027-05-16';

  it('counts the plots it holds and the ones it asks for, per day', () => {
    expect(dayOverPlotLimit([{ day: saturday, plotId: 'A1' }], [{ day: saturday, plotId: 'B2' }], 2)).toBeNull();
    expect(dayOverPlotLimit([{ day: saturday, plotId: 'A1' }], [{ day: saturday, plotId: 'B2' }], 1)).toEqual({ day: saturday, plots: 2 });
    expect(dayOverPlotLimit([{ day: saturday, plotId: 'A1' }], [{ day: sunday, plotId: 'B2' }], 1)).toBeNull();
  });

  it('counts one plot once, however many slots it has that day', () => {
    expect(
      dayOverPlotLimit(
        [{ day: saturday, plotId: 'A1' }],
        [
          { day: saturday, plotId: 'A1' },
          { day: saturday, plotId: 'A1' },
        ],
        1,
      ),
    ).toBeNull();
  });

  it('names the day that goes over', () => {
    const planned = [
      { day: saturday, plotId: 'A1' },
      { day: sunday, plotId: 'A1' },
      { day: sunday, plotId: 'B2' },
    ];
    expect(dayOverPlotLimit([], planned, 1)).toEqual({ day: sunday, plots: 2 });
  });
});

describe('the application deadline', () => {
  const edition = { name: 'Sinksenfeesten 2027', applicationDeadline: at('2027-04-30T23:59') };

  it('lets organisers apply until the deadline, and then only the city', () => {
    expect(refusal(() => requireApplicationsOpen(edition, at('2027-04-30T23:59'), false))).toBeNull();
    const late = refusal(() => requireApplicationsOpen(edition, at('2027-05-01T00:00'), false));
    expect(late).toEqual({
      code: ErrorCode.DEADLINE_PASSED,
      message: 'Applications for Sinksenfeesten 2027 closed on 2027-04-30 23:59; ask the city',
      details: { deadline: '2027-04-30T21:59:00.000Z' },
    });
    expect(refusal(() => requireApplicationsOpen(edition, at('2027-05-10T12:00'), true))).toBeNull();
  });

  it('an edition without a deadline stays open', () => {
    expect(refusal(() => requireApplicationsOpen({ ...edition, applicationDeadline: null }, at('2027-05-14T12:00'), false))).toBeNull();
  });
});

describe('opening hours', () => {
  const saturdayBlocks = defaultOpeningBlocks('2027-05-15').map((block) => ({ date: '2027-05-15', ...block }));
  const blocks: OpeningBlock[] = openingBlocksOf([...saturdayBlocks, { date: '2027-05-16', from: '11:00', to: '24:00' }], '2027-05-14', '2027-05-17');

  it('a booking may span blocks that follow each other on one day', () => {
    expect(periodContaining(blocks, at('2027-05-15T13:00'), at('2027-05-15T21:00'))).toEqual({
      day: '2027-05-15',
      startsAt: at('2027-05-15T11:00'),
      endsAt: at('2027-05-15T23:00'),
    });
    expect(periodContaining(blocks, at('2027-05-16T20:00'), at('2027-05-17T00:00'))?.day).toBe('2027-05-16');
  });

  it('but not start before opening, end after closing, or run over the night', () => {
    expect(periodContaining(blocks, at('2027-05-15T10:30'), at('2027-05-15T12:00'))).toBeNull();
    expect(periodContaining(blocks, at('2027-05-15T22:00'), at('2027-05-15T23:30'))).toBeNull();
    expect(periodContaining(blocks, at('2027-05-15T22:00'), at('2027-05-16T12:00'))).toBeNull();
  });

  it('are sorted, on festival days only, and never overlap', () => {
    expect(
      openingBlocksOf(
        [
          { date: '2027-05-15', from: '15:00', to: '19:00' },
          { date: '2027-05-15', from: '11:00', to: '15:00' },
        ],
        '2027-05-14',
        '2027-05-17',
      ).map((b) => b.startsAt),
    ).toEqual([at('2027-05-15T11:00'), at('2027-05-15T15:00')]);
    expect(refusal(() => openingBlocksOf([{ date: '2027-05-18', from: '11:00', to: '15:00' }], '2027-05-14', '2027-05-17'))?.details).toEqual({
      field: 'openingHours.date',
    });
    expect(
      refusal(() =>
        openingBlocksOf(
          [
            { date: '2027-05-15', from: '11:00', to: '15:00' },
            { date: '2027-05-15', from: '14:00', to: '16:00' },
          ],
          '2027-05-14',
          '2027-05-17',
        ),
      )?.code,
    ).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => openingBlocksOf([{ date: '2027-05-15', from: '15:00', to: '15:00' }], '2027-05-14', '2027-05-17'))?.details).toEqual({
      field: 'openingHours.to',
    });
  });

  it('refuse a time the clocks skip', () => {
    expect(refusal(() => openingBlocksOf([{ date: '2027-03-28', from: '02:30', to: '05:00' }], '2027-03-27', '2027-03-28'))?.message).toContain(
      'does not exist on 2027-03-28',
    );
  });
});

describe('who acts for an association at the festival', () => {
  const association = 'association-1';
  const organiser: Actor = { userId: 'o', roles: [Role.FESTIVAL_ORGANISER], organisationId: association };
  const otherOrganiser: Actor = { userId: 'p', roles: [Role.FESTIVAL_ORGANISER], organisationId: 'association-2' };
  const coordinator: Actor = { userId: 'c', roles: [Role.COORDINATOR], organisationId: null };
  const host: Actor = { userId: 'h', roles: [Role.HOST], organisationId: association };

  it('coordinators, and organisers for their own association only', () => {
    expect(
      [organiser, coordinator, otherOrganiser, host, null].map(
        (who) => refusal(() => festivalPolicy.requireCanActFor(who, association, 'book stands'))?.code ?? null,
      ),
    ).toEqual([null, null, ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN, ErrorCode.UNAUTHENTICATED]);
  });

  it('a cancellation is from the city only when a coordinator cancels for another association', () => {
    const coordinatorOfTheAssociation: Actor = { ...coordinator, organisationId: association };
    expect([coordinator, coordinatorOfTheAssociation, organiser].map((who) => cancelledByCity(who, association))).toEqual([true, false, false]);
  });

  it("an organiser sees only their own association's bookings", () => {
    expect(festivalPolicy.visibleOrganisation(coordinator)).toBeNull();
    expect(festivalPolicy.visibleOrganisation(organiser)).toBe(association);
    expect([organiser, otherOrganiser, coordinator, host].map((who) => festivalPolicy.canSeeBookingOf(who, association))).toEqual([true, false, true, false]);
  });
});

describe('the rules of a booking, on the facts read for it', () => {
  const now = new Date('2027-04-01T10:00:00Z');
  const facts = (overrides: Partial<PlacementFacts> = {}): PlacementFacts => ({
    edition: { id: 'E', name: 'KortRIJK aan Culturen 2027', applicationDeadline: new Date('2027-04-17T00:00:00+02:00'), maxPlotsPerOrganisationPerDay: 1 },
    organisationExists: true,
    applicationId: null,
    plots: [
      { id: 'A1', editionId: 'E', code: 'A1', active: true },
      { id: 'A2', editionId: 'E', code: 'A2', active: false },
    ],
    blocks: openingBlocksOf(
      ['2027-05-15', '2027-05-16'].flatMap((date) => defaultOpeningBlocks(date).map((block) => ({ date, ...block }))),
      '2027-05-14',
      '2027-05-17',
    ),
    held: [],
    taken: null,
    ...overrides,
  });
  const query = (...slots: ReturnType<typeof slot>[]): PlacementQuery => ({ editionId: 'E', organisationId: 'O', slots, exceptBookingId: null });
  const saturday = slot('A1', '2027-05-15T11:00', '2027-05-15T15:00');
  const taken = { plotId: 'A1', code: 'A1', starts_at: at('2027-05-15T11:00'), ends_at: at('2027-05-15T15:00'), status: 'CONFIRMED' };

  it('plans each slot on its festival day', () => {
    expect(planPlacement(facts(), query(saturday), now, false).map((planned) => [planned.plot.code, planned.day])).toEqual([['A1', '2027-05-15']]);
  });

  it('names the live booking in the way', () => {
    const error = refusal(() => planPlacement(facts({ taken }), query(saturday), now, false));
    expect([error?.code, error?.details.reason, error?.message]).toEqual([
      ErrorCode.STAND_UNAVAILABLE,
      'OVERLAP',
      'Plot A1 is taken on 2027-05-15 from 11:00 to 15:00 (confirmed)',
    ]);
  });

  it('refuses in the order the rules take precedence, whatever else the facts say', () => {
    const late = new Date('2027-04-20T10:00:00Z');
    expect(refusal(() => planPlacement(facts({ taken, organisationExists: false }), query(saturday), late, false))?.code).toBe(ErrorCode.DEADLINE_PASSED);
    expect(refusal(() => planPlacement(facts({ taken, organisationExists: false }), query(saturday), now, false))?.code).toBe(ErrorCode.NOT_FOUND);
    const inactive = slot('A2', '2027-05-15T11:00', '2027-05-15T15:00');
    expect(refusal(() => planPlacement(facts({ taken }), query(inactive), now, false))?.details.reason).toBe('PLOT_INACTIVE');
    // Over the limit and on a taken plot: the limit is what the association hears.
    const held = [{ day: '2027-05-15', plotId: 'A3' }];
    expect(refusal(() => planPlacement(facts({ taken, held }), query(saturday), now, false))?.code).toBe(ErrorCode.STAND_LIMIT_REACHED);
  });

  it('counts only the plots held on the days asked for, and lets coordinators past the deadline onto a closed plot', () => {
    const otherDay = [{ day: '2027-05-16', plotId: 'A3' }];
    expect(planPlacement(facts({ held: otherDay }), query(saturday), now, false)).toHaveLength(1);
    const late = new Date('2027-04-20T10:00:00Z');
    expect(planPlacement(facts(), query(slot('A2', '2027-05-15T11:00', '2027-05-15T15:00')), late, true)).toHaveLength(1);
  });

  it('refuses a plot of another edition as not found', () => {
    const foreign = facts({ plots: [{ id: 'A1', editionId: 'OTHER', code: 'A1', active: true }] });
    expect(refusal(() => planPlacement(foreign, query(saturday), now, false))?.code).toBe(ErrorCode.NOT_FOUND);
  });
});
