import { createWorld, World } from './fixtures';
import { dataOf, errorOf, GraphQLResult, startTestApi, tableSnapshot, TestApi } from './test-api';
import { ADD_ABSENCE, brussels, createShift, createVolunteers, DROP, SIGN_UP, Volunteer } from './volunteer-fixtures';

const SWAP = `mutation($a: ID!, $to: ID!) { swapShift(assignmentId: $a, toVolunteerId: $to) { id status volunteer { id } shift { id } } }`;
const REQUEST_VIEW = `id status assignmentId incoming decidedAt shift { id title } from { id displayName } to { id displayName }`;
const REQUESTS = `{ shiftSwapRequests { ${REQUEST_VIEW} } }`;
const CANDIDATES = `query($a: ID!) { shiftSwapCandidates(assignmentId: $a) { id displayName } }`;
const ACCEPT = `mutation($r: ID!) { acceptShiftSwap(requestId: $r) { id status volunteer { id } shift { id } } }`;
const DECLINE = `mutation($r: ID!) { declineShiftSwap(requestId: $r) { ${REQUEST_VIEW} } }`;
const WITHDRAW = `mutation($r: ID!) { withdrawShiftSwap(requestId: $r) { ${REQUEST_VIEW} } }`;
const CANCEL_SHIFT = `mutation($id: ID!) { cancelShift(id: $id) { id status } }`;

/** Every table a swap could touch. */
const TABLES = ['shift', 'shift_assignment', 'shift_swap_request', 'notification', 'volunteer_absence'];

/**
 * A volunteer no longer moves a shift onto a colleague; they ask, and the colleague
 * accepts (the place moves in one transaction, with the usual checks), declines, or the holder
 * withdraws. Neither the requests nor the refusals show a colleague's e-mail, periods away or
 * other shifts. Against real PostgreSQL, concurrency included.
 */
describe('shift swaps: a request the colleague accepts', () => {
  let api: TestApi;
  let world: World;
  let v: Record<string, Volunteer>;
  let day = 0;

  const statusOf = async (assignmentId: string) =>
    (await api.dataSource.query(`SELECT status FROM shift_assignment WHERE id = $1`, [assignmentId]))[0].status as string;
  const requestStatus = async (requestId: string) =>
    (await api.dataSource.query(`SELECT status FROM shift_swap_request WHERE id = $1`, [requestId]))[0].status as string;
  const holders = async (shiftId: string) =>
    (
      await api.dataSource.query<{ volunteer_id: string }[]>(
        `SELECT volunteer_id FROM shift_assignment WHERE shift_id = $1 AND status = 'ASSIGNED' ORDER BY volunteer_id`,
        [shiftId],
      )
    ).map((row) => row.volunteer_id);
  const signUp = async (who: Volunteer, shiftId: string) => dataOf(await api.gql(SIGN_UP, { s: shiftId }, who.token)).signUpForShift as { id: string };
  /** A shift of its own day (October 2026 onwards), 18:00–20:00 Brussels, held by `holder`. */
  const heldShift = async (holder: Volunteer, title = 'Onthaal praattafel') => {
    day += 1;
    const date = `2026-10-${String(day).padStart(2, '0')}`;
    const shift = await createShift(api, world, { title, startsAt: brussels(date, '18:00'), endsAt: brussels(date, '20:00') });
    return { date, shiftId: shift.id, assignmentId: (await signUp(holder, shift.id)).id, startsAt: shift.startsAt };
  };
  const ask = async (holder: Volunteer, assignmentId: string, colleague: Volunteer) => {
    const answer = dataOf(await api.gql(SWAP, { a: assignmentId, to: colleague.id }, holder.token)).swapShift;
    // The volunteer's own assignment comes back, still theirs.
    expect(answer).toMatchObject({ id: assignmentId, status: 'ASSIGNED', volunteer: { id: holder.id } });
    const [request] = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM shift_swap_request WHERE assignment_id = $1 AND status = 'PENDING'`, [
      assignmentId,
    ]);
    return request.id;
  };
  const expectNoLeak = (result: GraphQLResult | unknown, ...secrets: string[]) => {
    const body = JSON.stringify(result);
    expect(body).not.toMatch(/@/);
    for (const secret of secrets) expect(body).not.toContain(secret);
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    const named = await createVolunteers(api, world, ['Hanna', 'Ilias', 'Jasmien', 'Karim', 'Lotte', 'Mehdi', 'Nora', 'Omar', 'Pieter', 'Rania']);
    v = Object.fromEntries(named.map((volunteer) => [volunteer.name, volunteer]));
  });
  afterAll(() => api?.close());

  it('the holder asks a colleague picked by name; the colleague sees it and accepts; the place moves in one step', async () => {
    const { shiftId, assignmentId } = await heldShift(v.Hanna);
    // Colleagues to pick from: names only, never the holder.
    const candidates = dataOf(await api.gql(CANDIDATES, { a: assignmentId }, v.Hanna.token)).shiftSwapCandidates as { id: string; displayName: string }[];
    expect(candidates.map((c) => c.displayName)).toEqual(expect.arrayContaining(['Karim', 'Lotte']));
    expect(candidates.map((c) => c.id)).not.toContain(v.Hanna.id);
    expectNoLeak(candidates);
    // Only the holder looks for someone to take their shift.
    expect(errorOf(await api.gql(CANDIDATES, { a: assignmentId }, v.Karim.token)).code).toBe('FORBIDDEN');

    const requestId = await ask(v.Hanna, assignmentId, v.Karim);
    // Nothing moved yet.
    expect(await holders(shiftId)).toEqual([v.Hanna.id]);
    const incoming = dataOf(await api.gql(REQUESTS, {}, v.Karim.token)).shiftSwapRequests;
    expect(incoming).toEqual([
      {
        id: requestId,
        status: 'PENDING',
        assignmentId,
        incoming: true,
        decidedAt: null,
        shift: { id: shiftId, title: 'Onthaal praattafel' },
        from: { id: v.Hanna.id, displayName: 'Hanna' },
        to: { id: v.Karim.id, displayName: 'Karim' },
      },
    ]);
    expectNoLeak(incoming);
    expect(dataOf(await api.gql(REQUESTS, {}, v.Hanna.token)).shiftSwapRequests).toEqual([
      expect.objectContaining({ id: requestId, status: 'PENDING', incoming: false }),
    ]);
    // A third volunteer sees nothing of it and cannot answer it.
    expect(dataOf(await api.gql(REQUESTS, {}, v.Lotte.token)).shiftSwapRequests).toEqual([]);
    expect(errorOf(await api.gql(ACCEPT, { r: requestId }, v.Lotte.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(ACCEPT, { r: requestId }, v.Hanna.token)).code).toBe('FORBIDDEN');

    const taken = dataOf(await api.gql(ACCEPT, { r: requestId }, v.Karim.token)).acceptShiftSwap;
    expect(taken).toMatchObject({ status: 'ASSIGNED', volunteer: { id: v.Karim.id }, shift: { id: shiftId } });
    expect(await statusOf(assignmentId)).toBe('DROPPED');
    expect(await holders(shiftId)).toEqual([v.Karim.id]);
    expect(await requestStatus(requestId)).toBe('ACCEPTED');
    // Reminders follow the place: Hanna's withdrawn, Karim's written.
    const reminders = await api.dataSource.query<{ user_id: string; status: string }[]>(
      `SELECT user_id, status FROM notification WHERE kind = 'SHIFT_REMINDER' AND shift_assignment_id = ANY($1::uuid[]) ORDER BY user_id, status`,
      [[assignmentId, taken.id]],
    );
    expect(reminders.filter((r) => r.user_id === v.Hanna.id).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(reminders.filter((r) => r.user_id === v.Karim.id).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    // Both see the outcome.
    expect(dataOf(await api.gql(REQUESTS, {}, v.Hanna.token)).shiftSwapRequests).toEqual([expect.objectContaining({ id: requestId, status: 'ACCEPTED' })]);
    expect(dataOf(await api.gql(`{ myShifts { id shift { id } } }`, {}, v.Karim.token)).myShifts).toEqual([{ id: taken.id, shift: { id: shiftId } }]);
    // Accepting twice does nothing more.
    expect(errorOf(await api.gql(ACCEPT, { r: requestId }, v.Karim.token)).code).toBe('CONFLICT');
    // A subject access request shows the request to both of them.
    for (const [who, askedByMe] of [
      [v.Hanna, true],
      [v.Karim, false],
    ] as const) {
      const { document } = dataOf(
        await api.gql(
          `query($s: PersonalDataSubjectInput!) { exportPersonalData(subject: $s) { document } }`,
          { s: { userId: who.id } },
          world.tokens.coordinator,
        ),
      ).exportPersonalData;
      expect(document.shift_swap_requests).toEqual([
        expect.objectContaining({ id: requestId, status: 'ACCEPTED', asked_by_me: askedByMe, shift: expect.objectContaining({ id: shiftId }) }),
      ]);
    }
  });

  it('writes one e-mail to the colleague in their language, through the outbox', async () => {
    // Nora reads Ukrainian (set in SQL: the API has no call to change it).
    await api.dataSource.query(`UPDATE app_user SET preferred_language = 'uk' WHERE id = $1`, [v.Nora.id]);
    const { assignmentId } = await heldShift(v.Hanna);
    const requestId = await ask(v.Hanna, assignmentId, v.Nora);
    const rows = await api.dataSource.query(
      `SELECT kind, channel, user_id, language, status, payload FROM notification WHERE kind = 'SHIFT_SWAP_REQUESTED' AND user_id = $1`,
      [v.Nora.id],
    );
    expect(rows).toEqual([{ kind: 'SHIFT_SWAP_REQUESTED', channel: 'EMAIL', user_id: v.Nora.id, language: 'uk', status: 'PENDING', payload: { requestId } }]);
  });

  it('decline ends the request; the shift stays with the holder', async () => {
    const { shiftId, assignmentId } = await heldShift(v.Hanna);
    const requestId = await ask(v.Hanna, assignmentId, v.Lotte);
    const declined = dataOf(await api.gql(DECLINE, { r: requestId }, v.Lotte.token)).declineShiftSwap;
    expect(declined).toMatchObject({ id: requestId, status: 'DECLINED', incoming: true });
    expect(await holders(shiftId)).toEqual([v.Hanna.id]);
    expect(errorOf(await api.gql(ACCEPT, { r: requestId }, v.Lotte.token)).code).toBe('CONFLICT');
    expect(await holders(shiftId)).toEqual([v.Hanna.id]);
    expect(dataOf(await api.gql(REQUESTS, {}, v.Hanna.token)).shiftSwapRequests).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: requestId, status: 'DECLINED' })]),
    );
  });

  it('the holder withdraws; only they (or a coordinator) may; asking someone else withdraws the earlier request', async () => {
    const { shiftId, assignmentId } = await heldShift(v.Hanna);
    const first = await ask(v.Hanna, assignmentId, v.Mehdi);
    const second = await ask(v.Hanna, assignmentId, v.Omar);
    expect(await requestStatus(first)).toBe('WITHDRAWN');
    expect(errorOf(await api.gql(ACCEPT, { r: first }, v.Mehdi.token)).code).toBe('CONFLICT');
    expect(errorOf(await api.gql(WITHDRAW, { r: second }, v.Omar.token)).code).toBe('FORBIDDEN');
    expect(dataOf(await api.gql(WITHDRAW, { r: second }, v.Hanna.token)).withdrawShiftSwap).toMatchObject({ id: second, status: 'WITHDRAWN' });
    expect(errorOf(await api.gql(ACCEPT, { r: second }, v.Omar.token)).code).toBe('CONFLICT');
    expect(await holders(shiftId)).toEqual([v.Hanna.id]);
  });

  it('lapses when the assignment changes or the shift starts', async () => {
    const dropped = await heldShift(v.Hanna);
    const afterDrop = await ask(v.Hanna, dropped.assignmentId, v.Pieter);
    dataOf(await api.gql(DROP, { a: dropped.assignmentId }, v.Hanna.token));
    expect(await requestStatus(afterDrop)).toBe('LAPSED');
    expect(errorOf(await api.gql(ACCEPT, { r: afterDrop }, v.Pieter.token)).code).toBe('CONFLICT');
    expect(await holders(dropped.shiftId)).toEqual([]);
    // The e-mail about it is withdrawn with the place.
    expect(
      (await api.dataSource.query(`SELECT status FROM notification WHERE kind = 'SHIFT_SWAP_REQUESTED' AND payload->>'requestId' = $1`, [afterDrop]))[0].status,
    ).toBe('CANCELLED');

    const cancelled = await heldShift(v.Hanna);
    const afterCancel = await ask(v.Hanna, cancelled.assignmentId, v.Pieter);
    dataOf(await api.gql(CANCEL_SHIFT, { id: cancelled.shiftId }, world.tokens.coordinator));
    expect(await requestStatus(afterCancel)).toBe('LAPSED');

    const started = await heldShift(v.Hanna);
    const afterStart = await ask(v.Hanna, started.assignmentId, v.Pieter);
    const now = api.clock.now();
    try {
      api.clock.set(new Date(new Date(started.startsAt).getTime() + 60_000));
      expect(errorOf(await api.gql(ACCEPT, { r: afterStart }, v.Pieter.token)).code).toBe('CONFLICT');
      expect(errorOf(await api.gql(DECLINE, { r: afterStart }, v.Pieter.token)).code).toBe('CONFLICT');
    } finally {
      api.clock.set(now);
    }
    expect(await holders(started.shiftId)).toEqual([v.Hanna.id]);
  });

  it('a colleague away or busy at accept gets VOLUNTEER_UNAVAILABLE without why, and nothing moves', async () => {
    const away = await heldShift(v.Hanna);
    const awayRequest = await ask(v.Hanna, away.assignmentId, v.Rania);
    dataOf(await api.gql(ADD_ABSENCE, { v: v.Rania.id, i: { startsOn: away.date, endsOn: away.date, reason: 'Ziekenhuisafspraak' } }, v.Rania.token));
    let before = await tableSnapshot(api.dataSource, TABLES);
    const awayRefusal = await api.gql(ACCEPT, { r: awayRequest }, v.Rania.token);
    expect(errorOf(awayRefusal).code).toBe('VOLUNTEER_UNAVAILABLE');
    expect(errorOf(awayRefusal).extensions.reason).toBeUndefined();
    expectNoLeak(awayRefusal, away.date, 'Ziekenhuis');
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    expect(await holders(away.shiftId)).toEqual([v.Hanna.id]);
    expect(await requestStatus(awayRequest)).toBe('PENDING');

    const busy = await heldShift(v.Hanna);
    const busyRequest = await ask(v.Hanna, busy.assignmentId, v.Ilias);
    const other = await createShift(api, world, {
      title: 'Kookatelier',
      role: 'COOKING',
      startsAt: brussels(busy.date, '19:00'),
      endsAt: brussels(busy.date, '21:00'),
    });
    await signUp(v.Ilias, other.id);
    before = await tableSnapshot(api.dataSource, TABLES);
    const busyRefusal = await api.gql(ACCEPT, { r: busyRequest }, v.Ilias.token);
    expect(errorOf(busyRefusal).code).toBe('VOLUNTEER_UNAVAILABLE');
    expect(errorOf(busyRefusal).extensions.reason).toBeUndefined();
    expectNoLeak(busyRefusal, 'Kookatelier');
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    expect(await holders(busy.shiftId)).toEqual([v.Hanna.id]);
  });

  it("asking a colleague who is away or busy is refused without their e-mail, dates, reason or other shift; the request's fields carry no e-mail", async () => {
    const { date, shiftId, assignmentId } = await heldShift(v.Hanna);
    dataOf(await api.gql(ADD_ABSENCE, { v: v.Jasmien.id, i: { startsOn: date, endsOn: date, reason: 'Operatie aan de knie' } }, v.Jasmien.token));
    const busyThen = await createShift(api, world, {
      title: 'Fietsherstelling',
      role: 'SETUP',
      startsAt: brussels(date, '17:00'),
      endsAt: brussels(date, '19:00'),
    });
    await signUp(v.Lotte, busyThen.id);
    const candidates = dataOf(await api.gql(CANDIDATES, { a: assignmentId }, v.Hanna.token)).shiftSwapCandidates.map((c: { id: string }) => c.id);
    expect(candidates).not.toContain(v.Jasmien.id);
    expect(candidates).not.toContain(v.Lotte.id);

    const before = await tableSnapshot(api.dataSource, TABLES);
    for (const colleague of [v.Jasmien, v.Lotte]) {
      const refusal = await api.gql(SWAP, { a: assignmentId, to: colleague.id }, v.Hanna.token);
      expect(errorOf(refusal).code).toBe('VOLUNTEER_UNAVAILABLE');
      expect(Object.keys(errorOf(refusal).extensions).sort()).toEqual(['code']);
      expectNoLeak(refusal, date, 'Operatie', 'Fietsherstelling', colleague.name);
    }
    expect(await tableSnapshot(api.dataSource, TABLES)).toEqual(before);
    expect(await holders(shiftId)).toEqual([v.Hanna.id]);

    // No field of what a colleague is shown can hold an e-mail address.
    const type = dataOf(await api.gql(`{ __type(name: "ShiftColleague") { fields { name } } }`, {}, null)).__type;
    expect(type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['displayName', 'id']);
  });

  it('a concurrent accept and the holder giving the shift back end in one outcome', async () => {
    const colleagues = [v.Karim, v.Mehdi, v.Omar, v.Pieter, v.Nora];
    let accepted = 0;
    let lapsed = 0;
    for (const colleague of colleagues) {
      const { shiftId, assignmentId } = await heldShift(v.Hanna, 'Race');
      const requestId = await ask(v.Hanna, assignmentId, colleague);
      const [accept] = await Promise.all([api.gql(ACCEPT, { r: requestId }, colleague.token), api.gql(DROP, { a: assignmentId }, v.Hanna.token)]);
      expect(accept.status).toBeLessThan(500);
      const status = await requestStatus(requestId);
      expect(await statusOf(assignmentId)).toBe('DROPPED');
      if (accept.errors) {
        expect(errorOf(accept).code).toBe('CONFLICT');
        expect(status).toBe('LAPSED');
        expect(await holders(shiftId)).toEqual([]);
        lapsed += 1;
      } else {
        expect(status).toBe('ACCEPTED');
        expect(await holders(shiftId)).toEqual([colleague.id]);
        accepted += 1;
      }
    }
    expect(accepted + lapsed).toBe(colleagues.length);
  });

  it('a coordinator still hands a shift over at once', async () => {
    const { shiftId, assignmentId } = await heldShift(v.Hanna);
    const moved = dataOf(await api.gql(SWAP, { a: assignmentId, to: v.Omar.id }, world.tokens.coordinator)).swapShift;
    expect(moved).toMatchObject({ status: 'ASSIGNED', volunteer: { id: v.Omar.id }, shift: { id: shiftId } });
    expect(await statusOf(assignmentId)).toBe('DROPPED');
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM shift_swap_request WHERE assignment_id = $1`, [assignmentId])).toEqual([{ n: 0 }]);
  });
});
