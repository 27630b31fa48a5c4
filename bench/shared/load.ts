import { performance } from 'node:perf_hooks';
import type { StatementCounter } from './statements';

/**
 * `BENCH_SMOKE=1`: the benchmark only proves it still runs to its report (the smoke test in `npm
 * test` runs every benchmark so, since they once all stopped running unnoticed): phases of a few
 * hundred milliseconds and, in each benchmark, fewer messages, sessions or page loads. Its
 * figures mean nothing.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/**
 * `n` outside smoke mode; in smoke mode a small share of it (at least `floor`), for a benchmark's
 * own sizes (messages seeded, clients, page loads) that would make the smoke run slow.
 */
export function smokeScaled(n: number, floor = 1): number {
  return SMOKE ? Math.max(floor, Math.ceil(n / 100)) : n;
}

/** Overridable for a quick look while developing (`BENCH_MEASURE_MS=3000 npm run bench`); figures to compare use the defaults. */
export const WARM_UP_MS = Number(process.env.BENCH_WARM_UP_MS ?? (SMOKE ? 200 : 2_000));
export const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? (SMOKE ? 500 : 10_000));

export interface Measurement {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export type Phase = 'warm-up' | 'measured';

/** A measured run, the SQL statements its requests sent on average, and this process's CPU per request. */
export interface Measured<M extends Measurement> {
  result: M;
  statementsPerRequest: number;
  /**
   * User and system CPU of this Node process (load generator, API and pg driver alike) over the
   * measured run, per request: unlike the rates, hardly moved by other work on the machine, so
   * the figure to compare two builds by on a busy one.
   */
  cpuMsPerRequest: number;
}

/** The value below which `p` per cent of `sorted` (ascending) lies, by nearest rank. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * `concurrency` loops that each send the next request as soon as their last one answered.
 * `nextRequest` prepares a request outside the timed span; `onResult` sees each answer after it.
 */
export async function runLoad<R>(
  concurrency: number,
  durationMs: number,
  nextRequest: () => () => Promise<R>,
  onResult: (result: R) => void = () => {},
): Promise<Measurement> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const request = nextRequest();
      const begin = performance.now();
      const result = await request();
      latencies.push(performance.now() - begin);
      onResult(result);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/**
 * Runs `load` for WARM_UP_MS, throws those numbers away (the warm-up fills connection pools, JIT
 * and PostgreSQL's caches), then for MEASURE_MS, and averages the statements `statements` counted
 * over the measured run only.
 */
export async function measure<M extends Measurement>(
  label: string,
  rateUnit: string,
  load: (durationMs: number, phase: Phase) => Promise<M>,
  statements: StatementCounter,
): Promise<Measured<M>> {
  process.stdout.write(`Measuring ${label}: ${WARM_UP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured …`);
  await load(WARM_UP_MS, 'warm-up');
  const before = statements.count;
  const cpu = process.cpuUsage();
  const result = await load(MEASURE_MS, 'measured');
  const { user, system } = process.cpuUsage(cpu);
  process.stdout.write(` ${result.perSecond.toFixed(0)} ${rateUnit}\n`);
  // Nothing else sends statements through `statements` meanwhile, so every one belongs to a request.
  return { result, statementsPerRequest: (statements.count - before) / result.requests, cpuMsPerRequest: (user + system) / 1000 / result.requests };
}
