import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildForTest, startBuilt } from '@app/testing';

/**
 * The benchmarks once all stopped running (the pg sides no longer matched the API, the worker
 * refused the bench's sender) and nobody noticed until someone ran `npm run bench`. This runs
 * every benchmark under bench/ in smoke mode (BENCH_SMOKE=1, bench/shared/load.ts: phases of a
 * few hundred milliseconds, smaller sizes) and checks only that it reaches its report and exits
 * with 0. It asserts no timing: a smoke run's figures mean nothing.
 *
 * Opt-in (BENCH_SMOKE_TEST=1 npx jest test/bench): each benchmark still starts its own
 * PostgreSQL, migrates and seeds (the demo seed alone takes ~13 s on the busy 2-core machine),
 * so the five together take minutes, not the < 60 s that would earn a place in every `npm test`.
 */
const describeIfAsked = process.env.BENCH_SMOKE_TEST === '1' ? describe : describe.skip;
const BENCH = join(__dirname, '..', '..', 'bench');

/** Every folder of bench/ with a run.ts is a benchmark: a new one is covered without editing this file. */
const BENCHES = readdirSync(BENCH, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared' && readdirSync(join(BENCH, entry.name)).includes('run.ts'))
  .map((entry) => entry.name)
  .sort();

/** The line each report ends with: its ratio (graphql/pg, platform/plain …), or the phone's goal line, which has no baseline. */
const REPORT_LINE = /^(\S+\/\S+[^=\n]*= \d+\.\d+|Goal LCP < .*: (met|not met))/m;

describeIfAsked('every benchmark still runs (smoke mode, no timing asserted)', () => {
  let build: string;

  beforeAll(() => {
    build = buildForTest('bench-smoke');
  }, 120_000);

  it('finds the benchmarks', () => {
    expect(BENCHES).toEqual(expect.arrayContaining(['phone', 'register', 'reminders', 'sessions-query', 'stands']));
  });

  it.each(BENCHES)(
    '%s runs to its report and exits with 0',
    async (name) => {
      const bench = startBuilt(build, join('bench', name, 'run.js'), {
        BENCH_SMOKE: '1',
        HOME: process.env.HOME ?? '/tmp',
        ...(process.env.CHROMIUM_PATH ? { CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {}),
      });
      const { code } = await bench.exited;
      const output = bench.output();
      const outcome = { code, reported: REPORT_LINE.test(output) };
      // The output's end on failure: the reason a benchmark rotted is in it.
      if (outcome.code !== 0 || !outcome.reported) console.error(`bench/${name} in smoke mode:\n${output.slice(-6000)}`);
      expect(outcome).toEqual({ code: 0, reported: true });
    },
    180_000,
  );
});
