import { readFileSync } from 'node:fs';

/** Goal of issue 22 for each of the API and the worker under load. */
const GOAL_MB = 250;
const SAMPLE_EVERY_MS = 100;

const mb = (bytes: number) => bytes / 1024 / 1024;

/** The kernel's own peak resident set of this process (VmHWM), in bytes; null off Linux. */
function highWaterMark(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Samples this process's RSS while a benchmark runs. The API and the worker run inside the
 * benchmark's own process (its statement counts come from the API's in-process TypeORM
 * DataSource), together with the load generator and the pg side, so the peak is one figure for
 * all of them: an upper bound for each of the API and the worker, not the figure of either.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private peak = 0;
  private atStart = 0;

  /** From the moment the first application started; later calls change nothing. */
  start(): void {
    if (this.timer) return;
    this.atStart = process.memoryUsage.rss();
    this.peak = this.atStart;
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
    // The sampler must never keep a finished benchmark alive.
    this.timer.unref();
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  /** Stops sampling and returns the report's lines; none when no application ever started. */
  stop(): string[] {
    if (!this.timer) return [];
    this.sample();
    clearInterval(this.timer);
    this.timer = null;
    const hwm = highWaterMark();
    const met = mb(this.peak) < GOAL_MB;
    return [
      `Memory: peak RSS ${mb(this.peak).toFixed(0)} MB while the API/worker ran (sampled every ${SAMPLE_EVERY_MS} ms; ${mb(this.atStart).toFixed(0)} MB when the first started${
        hwm === null ? '' : `; the process's VmHWM over the whole run, seeding included: ${mb(hwm).toFixed(0)} MB`
      }).`,
      `  API, worker, load generator and pg side share this one process, so that peak bounds each of the API and the worker from above;`,
      `  goal < ${GOAL_MB} MB each: ${met ? 'met (even by the bound)' : 'not shown (the bound is above it; the API or the worker alone may still be below)'}.`,
    ];
  }
}
