/** Set by the `unit` Jest project's setup file (libs/testing/src/jest/unit-setup.ts) for each of its files. */
export const UNIT_PROJECT_MARKER = 'OEFENKANSEN_JEST_PROJECT';

/**
 * Fails loudly when a spec of the `unit` project reaches for PostgreSQL, Redis or a server of
 * ours: that project has no global setup, so without this the spec would hang on a connection
 * or fail later with a puzzling error.
 */
export function refuseInUnitProject(what: string): void {
  if (process.env[UNIT_PROJECT_MARKER] !== 'unit') return;
  throw new Error(
    `${what}: not available in the jest project "unit", which runs *.spec.ts without PostgreSQL or Redis. ` +
      'A spec that needs the database, Redis or a server is an *.int-spec.ts (or *.e2e-spec.ts): rename it (git mv) and it runs in the project "e2e".',
  );
}
