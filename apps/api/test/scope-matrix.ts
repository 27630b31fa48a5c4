import type { FixtureRole } from './fixtures';
import { dataOf, errorOf, type GraphQLResult } from './test-api';

/** Shared shape of the role-scope matrices: one column per role of the fixture world, anonymous first. */
export type Who = 'anonymous' | FixtureRole;

export const WHO: Who[] = ['anonymous', 'admin', 'coordinator', 'host', 'otherHost', 'schoolContact', 'otherSchoolContact', 'organiser', 'volunteer'];

export type MatrixRow<O> = [O, O, O, O, O, O, O, O, O];

export interface Case {
  who: Who;
  /** Unique per (row, role): names, e-mail addresses and titles of the case's own data. */
  tag: string;
  /** The role's column, 0..8: picks a date of its own for date-unique data. */
  column: number;
}

/** Arrange fresh data, act as the role, then assert the effect (allowed) or that nothing changed or leaked. */
export interface Operation<S> {
  arrange(c: Case): Promise<S>;
  act(state: S, token: string | null): Promise<GraphQLResult>;
  effect(state: S, data: Record<string, any>, c: Case): Promise<void>;
  unchanged(state: S, result: GraphQLResult, c: Case): Promise<void>;
}

export const operation = <S>(o: Operation<S>): Operation<unknown> => o as Operation<unknown>;

/** The cases of one matrix row, for test.each: every role with its expected outcome. */
export function casesOf<O>(matrix: Record<string, MatrixRow<O>>, name: string): (Case & { expected: O })[] {
  const index = Object.keys(matrix).indexOf(name);
  return matrix[name].map((expected, column) => ({ who: WHO[column], expected, column, tag: `${index}-${WHO[column]}` }));
}

/**
 * The outcome of a role in a row: its effect (`allowed`), its own share of the data (`own`), data
 * without what it may not see (`hidden`), or a refusal with this error code.
 */
export type ScopeOutcome = 'allowed' | 'own' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** Shorthands for the matrices' cells. */
export const OUTCOME = { A: 'allowed', O: 'own', H: 'hidden', F: 'FORBIDDEN', U: 'UNAUTHENTICATED' } as const satisfies Record<string, ScopeOutcome>;

/** An Operation that also says what a role sees when its row says `own`. */
export interface ScopedOperation<S> extends Operation<S> {
  own?(state: S, data: Record<string, any>, c: Case): Promise<void>;
}
export { tableSnapshot } from './test-api';

export const scopedOperation = <S>(o: ScopedOperation<S>): ScopedOperation<unknown> => o as ScopedOperation<unknown>;

/** No data at all came back: the whole result, or each root field, is null. */
export function expectNoData(result: GraphQLResult): void {
  if (result.data === null) return;
  for (const value of Object.values(result.data)) expect(value).toBeNull();
}

/**
 * One test per row and role: arrange, act as the role, then check the effect, the role's own
 * share, or the refusal — and for anything but `allowed`, that the listed tables did not change.
 */
export function describeScopeMatrix<N extends string>(options: {
  matrix: Record<N, MatrixRow<ScopeOutcome>>;
  operations: Partial<Record<N, ScopedOperation<unknown>>>;
  /** The rows this spec tests (all by default); a case keeps the tag of its row in the whole matrix. */
  rows?: N[];
  snapshot: () => Promise<unknown>;
  tokenOf: (who: Who) => string | null;
}): void {
  const { matrix, operations, snapshot, tokenOf } = options;
  describe.each(options.rows ?? (Object.keys(matrix) as N[]))('%s', (name) => {
    test.each(casesOf<ScopeOutcome>(matrix, name))('$who → $expected', async ({ expected, ...c }) => {
      const op = operations[name]!;
      const state = await op.arrange(c);
      const before = expected === 'allowed' ? null : await snapshot();
      const result = await op.act(state, tokenOf(c.who));
      expect(result.status).toBeLessThan(500);
      if (expected === 'allowed') {
        await op.effect(state, dataOf(result), c);
        return;
      }
      if (expected === 'own') {
        await op.own!(state, dataOf(result), c);
      } else if (expected === 'hidden') {
        dataOf(result);
        await op.unchanged(state, result, c);
      } else {
        expect(errorOf(result).code).toBe(expected);
        expectNoData(result);
        await op.unchanged(state, result, c);
      }
      expect(await snapshot()).toEqual(before);
    });
  });
}
