import { AppError, validate } from '@app/common';

export const MAX_CHILDREN = 10;
export const MIN_CHILD_AGE = 3;
export const MAX_CHILD_AGE = 14;

export interface ChildCommand {
  firstName: string;
  age: number;
  school?: string | null;
}

/** What a registration says about the children who come along; both may be left out (no children). */
export interface FamilyCommand {
  children?: number | null;
  childrenDetails?: ChildCommand[] | null;
}

export interface ValidChild {
  firstName: string;
  age: number;
  school: string | null;
}

/** `details` is null when the children were only counted, a list when each child was named (the zomerschool). */
export interface Family {
  children: number;
  details: ValidChild[] | null;
}

export const NO_CHILDREN: Family = { children: 0, details: null };

/**
 * Checked before any lock, so bad input fails before anything is written. Listed children are
 * their own count: a `children` that says otherwise is refused rather than silently corrected.
 */
export function validateFamily(input: FamilyCommand): Family {
  const details = input.childrenDetails ?? null;
  if (details === null) return { children: input.children == null ? 0 : validate.int('children', input.children, 0, MAX_CHILDREN), details: null };
  if (details.length > MAX_CHILDREN) throw AppError.badInput(`childrenDetails lists at most ${MAX_CHILDREN} children`, 'childrenDetails');
  if (input.children != null && input.children !== details.length)
    throw AppError.badInput(`children (${input.children}) must be the number of children listed (${details.length})`, 'children');
  return {
    children: details.length,
    details: details.map((child, index) => ({
      firstName: validate.text(`childrenDetails.${index}.firstName`, child.firstName, { max: 100 }),
      age: validate.int(`childrenDetails.${index}.age`, child.age, MIN_CHILD_AGE, MAX_CHILD_AGE),
      school: validate.optionalText(`childrenDetails.${index}.school`, child.school, 200),
    })),
  };
}

/** A programme that lists children (the zomerschool) needs each child named; others take a count only. */
export function requireFamilyFitsProgramme(family: Family, listsChildren: boolean): void {
  if (listsChildren && (family.details === null || family.details.length === 0))
    throw AppError.badInput('this programme registers each child: list them (first name, age, school)', 'childrenDetails');
  if (!listsChildren && family.details !== null)
    throw AppError.badInput('this programme does not register children by name; give their number in children', 'childrenDetails');
}

export interface WaitingFamily {
  registrationId: string;
  children: number;
}

/**
 * Which waiting families get a childcare place now (docs/architecture.md#invariant-6): in order of
 * arrival, every family whose children all fit in the places still free is placed; a family that
 * does not fit keeps its turn and the next one that fits goes ahead, so no place stays empty while
 * a family that fits waits. A family is never split, and a lowered capacity unplaces nobody.
 */
export function familiesToPlace(capacity: number, placedChildren: number, waitingInArrivalOrder: readonly WaitingFamily[]): string[] {
  let free = Math.max(0, capacity - placedChildren);
  const placed: string[] = [];
  for (const family of waitingInArrivalOrder) {
    if (family.children > free) continue;
    placed.push(family.registrationId);
    free -= family.children;
  }
  return placed;
}
