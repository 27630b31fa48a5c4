import type { FixtureRole } from './fixtures';
import type { GraphQLResult } from './test-api';

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
