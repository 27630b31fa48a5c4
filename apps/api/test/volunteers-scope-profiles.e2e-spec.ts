import { describeScopeMatrix, ScopedOperation } from './scope-matrix';
import { dataOf } from './test-api';
import { profileOperations } from './volunteers-scope/profiles';
import { MATRIX, O, OperationName, Outcome, setUpVolunteersScope, snapshot } from './volunteers-scope/setup';
import { shiftOperations } from './volunteers-scope/shifts';
import { trajectoryOperations } from './volunteers-scope/trajectories';

/**
 * Role scope of volunteers' profiles, absences and calendar feeds (the matrix and its set-up are in
 * ./volunteers-scope/setup.ts), and the checks that the matrix of the whole area covers every
 * operation of the schema: the shift and trajectory rows are tested in volunteers-scope-shifts and
 * volunteers-scope-trajectories.
 */
describe('volunteers: role scope', () => {
  const scope = setUpVolunteersScope();
  const operations = profileOperations(scope);
  const OPERATIONS = { ...profileOperations(scope), ...shiftOperations(scope), ...trajectoryOperations(scope) } as Record<
    OperationName,
    ScopedOperation<unknown>
  >;

  it('has an operation for every row of the matrix and a row for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
    // A row that expects `own` says what the caller sees.
    for (const [name, row] of Object.entries(MATRIX))
      if ((row as Outcome[]).includes(O)) expect([name, typeof OPERATIONS[name as OperationName].own]).toEqual([name, 'function']);
  });

  it('has a row for every volunteers, shifts, trajectories and reports query and mutation of the schema', async () => {
    const schema = dataOf(
      await scope.api.gql(`{ query: __type(name: "Query") { fields { name } } mutation: __type(name: "Mutation") { fields { name } } }`, {}, null),
    );
    const areaFields = [...schema.query.fields, ...schema.mutation.fields]
      .map((f: { name: string }) => f.name)
      .filter((name: string) => /shift|volunteer|trajector|buddies|report|calendarFeed/i.test(name));
    const covered = new Set(Object.keys(MATRIX).map((row) => row.split(/[ (]/)[0]));
    // Shift.assignments is a field of a type, not an operation.
    expect(areaFields.sort()).toEqual([...covered].filter((name) => !name.includes('.')).sort());
    expect(areaFields).toHaveLength(41);
  });

  describeScopeMatrix({
    matrix: MATRIX,
    rows: Object.keys(operations) as OperationName[],
    operations,
    snapshot: () => snapshot(scope.api),
    tokenOf: scope.tokenOf,
  });
});
