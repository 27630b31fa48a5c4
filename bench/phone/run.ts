/// <reference lib="dom" />
// The callbacks given to page.evaluate / addInitScript run in the browser: they need the DOM types.
/**
 * `npm run bench:phone`: how fast the public schedule appears on a newcomer's phone.
 *
 * One run starts a throw-away PostgreSQL and redis-server, migrates, seeds the Kortrijk demo,
 * starts the real API in production mode serving a production build of the web app (Vite, with
 * the build's precompressed files, as `npm run build` makes it), and opens the public schedule
 * (`/`) in headless Debian Chromium (playwright-core, never a downloaded browser) at 390×844 with
 * CDP `Emulation.setCPUThrottlingRate {rate: 4}` and `Network.emulateNetworkConditions` at
 * Lighthouse's slow-4G figures (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; CDP adds the
 * latency per request, not per packet, so this is gentler than a real slow-4G link:
 * BENCH_PHONE_NETWORK=devtools applies Lighthouse's own request-level figures for devtools
 * throttling instead, 562.5 ms, 1.47 Mbit/s, 675 kbit/s).
 *
 * It measures first contentful paint and largest contentful paint (PerformanceObserver 'paint'
 * and 'largest-contentful-paint', buffered), and when the first session card is in the DOM:
 *   cold: a new browser context each time (empty HTTP cache, no stored language or sign-in);
 *   warm: the same context reloading the page (hashed assets from the cache).
 * Median of RUNS each, after one unmeasured load that warms the API (JIT, pools), not the browser.
 * It prints the bytes the page's JS, CSS, HTML and GraphQL took on the wire and the cold load's
 * requests as a waterfall. There is no baseline side: the goal is absolute (LCP < 2.0 s cold),
 * and the report says whether it was met; a benchmark, not a test, so it never fails on time,
 * only when the page does not show the schedule or reports errors.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { AppConfig } from '@app/config';
import { withPgClient } from '@app/testing';
import { seedKortrijkDemo } from '../../scripts/demo-seed';
import { SMOKE, smokeScaled } from '../shared/load';
import { MACHINE } from '../shared/report';
import { migrate, runAndExit, withBenchServices } from '../shared/services';

const DATABASE = 'oefenkansen_bench_phone';
/** The checkout: the build sits in dist/ or, for the smoke test, in .test-build/<name>/. */
const ROOT = (function findRoot(dir: string): string {
  if (existsSync(join(dir, 'scripts', 'build-web.mjs'))) return dir;
  if (dirname(dir) === dir) throw new Error(`no checkout above ${__dirname}`);
  return findRoot(dirname(dir));
})(__dirname);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = smokeScaled(Number(process.env.BENCH_PHONE_RUNS ?? 5));
const VIEWPORT = { width: 390, height: 844 };
const CPU_SLOWDOWN = 4;
const GOAL_LCP_MS = 2_000;
/** After the schedule shows: time for a later, larger paint to become the LCP candidate. */
const SETTLE_MS = SMOKE ? 200 : 1_000;

interface NetworkProfile {
  name: string;
  latency: number;
  /** Bytes per second, as CDP wants them. */
  downloadThroughput: number;
  uploadThroughput: number;
}

const NETWORKS: Record<string, NetworkProfile> = {
  'slow-4g': {
    name: "slow 4G (Lighthouse's mobile figures: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up; latency added per request by CDP)",
    latency: 150,
    downloadThroughput: 1_600_000 / 8,
    uploadThroughput: 750_000 / 8,
  },
  devtools: {
    name: "slow 4G as Lighthouse's devtools throttling applies it per request (562.5 ms, 1474.56 kbit/s down, 675 kbit/s up)",
    latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  },
};

interface Request {
  url: string;
  type: string;
  /** Bytes on the wire, headers included (CDP's encodedDataLength); 0 when it came from the cache. */
  bytes: number;
  fromCache: boolean;
  /** Milliseconds after the navigation started. */
  start: number;
  end: number;
}

interface Load {
  fcp: number;
  lcp: number;
  /** When the first session card was in the DOM, ms after navigation start. */
  scheduleShown: number;
  lcpElement: string;
  requests: Request[];
}

/** What the init script collects in the page, read after the load. */
interface PaintMarks {
  fcp?: number;
  lcp?: number;
  lcpElement?: string;
  scheduleShown?: number;
}

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

/** The production build of the web app from the current sources, cached as the browser tests cache it. */
function webBuild(): string {
  const output = execFileSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs'), '--cache', '.test-build/web', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return output.trim().split('\n').at(-1)!;
}

async function prepareDatabase(config: AppConfig): Promise<number> {
  await migrate(config);
  await seedKortrijkDemo(config);
  return withPgClient(config.databaseUrl, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM session')).rows[0].n);
}

/** Runs in the page before its own scripts, on every navigation: records the paints and the first session card. */
function observePaints(): void {
  const marks: PaintMarks = {};
  (window as unknown as { __paintMarks: PaintMarks }).__paintMarks = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') marks.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries() as (PerformanceEntry & { element?: Element | null; size?: number })[];
    const last = entries[entries.length - 1];
    marks.lcp = last.startTime;
    const element = last.element;
    marks.lcpElement = element
      ? `<${element.tagName.toLowerCase()}${element.className ? ` class="${String(element.className)}"` : ''}> ${last.size ?? 0} px², "${(element.textContent ?? '').trim().slice(0, 40)}"`
      : 'an element no longer in the page';
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('ul.sessions li')) {
      marks.scheduleShown = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function throttle(cdp: CDPSession, network: NetworkProfile): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latency,
    downloadThroughput: network.downloadThroughput,
    uploadThroughput: network.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** Every request of the page's next load, with its bytes on the wire, from CDP's network events. */
function recordRequests(cdp: CDPSession): { reset(): void; requests(): Request[] } {
  let byId = new Map<string, { url: string; type: string; bytes: number; fromCache: boolean; start: number; end: number }>();
  cdp.on('Network.requestWillBeSent', (event) => {
    byId.set(event.requestId, {
      url: event.request.url,
      type: event.type ?? 'Other',
      bytes: 0,
      fromCache: false,
      start: event.timestamp,
      end: event.timestamp,
    });
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = byId.get(event.requestId);
    if (request) {
      request.type = event.type;
      request.fromCache = Boolean(event.response.fromDiskCache || event.response.fromPrefetchCache || event.response.fromServiceWorker);
    }
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const request = byId.get(event.requestId);
    if (request) request.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = byId.get(event.requestId);
    if (request) {
      request.bytes = event.encodedDataLength;
      request.end = event.timestamp;
    }
  });
  return {
    reset: () => (byId = new Map()),
    // CDP's timestamps are monotonic seconds; the document's request starts the navigation.
    requests: () => {
      const all = [...byId.values()];
      const first = Math.min(...all.map((request) => request.start));
      return all.map((request) => ({ ...request, start: (request.start - first) * 1000, end: (request.end - first) * 1000 }));
    },
  };
}

/** One load of the page (a navigation or a reload), until the schedule shows and the paints settle. */
async function measureLoad(page: Page, requests: ReturnType<typeof recordRequests>, navigate: () => Promise<unknown>, errors: string[]): Promise<Load> {
  requests.reset();
  await navigate();
  await page.locator('ul.sessions li').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(SETTLE_MS);
  const marks = await page.evaluate(() => (window as unknown as { __paintMarks: PaintMarks }).__paintMarks);
  if (marks.fcp === undefined || marks.lcp === undefined || marks.scheduleShown === undefined) {
    throw new Error(`the page reported no ${marks.fcp === undefined ? 'first contentful paint' : 'largest contentful paint'}`);
  }
  if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  return { fcp: marks.fcp, lcp: marks.lcp, scheduleShown: marks.scheduleShown, lcpElement: marks.lcpElement ?? '?', requests: requests.requests() };
}

/** A fresh profile: empty cache, no stored language or sign-in; Dutch-speaking, in Kortrijk's time zone. */
async function openPhone(browser: Browser, origin: string, network: NetworkProfile) {
  const context: BrowserContext = await browser.newContext({ baseURL: origin, locale: 'nl-BE', timezoneId: 'Europe/Brussels', viewport: VIEWPORT });
  await context.addInitScript(observePaints);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  const requests = recordRequests(cdp);
  await throttle(cdp, network);
  return { context, page, requests, errors };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function row(name: string, loads: Load[]): string {
  const cell = (pick: (load: Load) => number) => {
    const values = loads.map(pick);
    return `${seconds(median(values))} (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`.padStart(24);
  };
  return `  ${name.padEnd(22)}${cell((load) => load.fcp)}${cell((load) => load.lcp)}${cell((load) => load.scheduleShown)}`;
}

/** The page's bytes on the wire by kind: what a phone on a metered plan pays for. */
function bytesLine(name: string, load: Load): string {
  const kinds: [string, (request: Request) => boolean][] = [
    ['JS', (request) => request.type === 'Script'],
    ['CSS', (request) => request.type === 'Stylesheet'],
    ['HTML', (request) => request.type === 'Document'],
    ['GraphQL', (request) => new URL(request.url).pathname === '/graphql'],
  ];
  const parts = kinds.map(([kind, matches]) => {
    const requests = load.requests.filter(matches);
    const cached = requests.filter((request) => request.fromCache).length;
    return `${kind} ${kB(requests.reduce((sum, request) => sum + request.bytes, 0))} in ${requests.length}${cached ? ` (${cached} from the cache)` : ''}`;
  });
  return `  ${name.padEnd(22)}${parts.join(', ')}`;
}

function waterfall(load: Load): string[] {
  return [...load.requests]
    .sort((a, b) => a.start - b.start)
    .map((request) => {
      const url = new URL(request.url);
      return `  ${request.start.toFixed(0).padStart(6)}–${request.end.toFixed(0).padEnd(6)} ms  ${kB(request.bytes).padStart(9)}  ${request.type.padEnd(10)} ${url.pathname}`;
    });
}

function report(network: NetworkProfile, sessionsInWindow: number, cold: Load[], warm: Load[]): void {
  const coldLcp = median(cold.map((load) => load.lcp));
  const typical = cold.reduce((best, load) => (Math.abs(load.lcp - coldLcp) < Math.abs(best.lcp - coldLcp) ? load : best));
  console.log(`
Public schedule on a phone: ${VIEWPORT.width}×${VIEWPORT.height}, ${CPU_SLOWDOWN}× CPU slowdown, ${network.name};
median (min–max) of ${RUNS} loads each, ${sessionsInWindow} demo sessions on the page; Chromium and this Node process (API) share the machine
(${MACHINE}).

  ${''.padEnd(22)}${'first contentful paint'.padStart(24)}${'largest contentful p.'.padStart(24)}${'first session card'.padStart(24)}
${row('cold (new context)', cold)}
${row('warm (reload)', warm)}

Largest contentful paint (cold): ${typical.lcpElement}
Bytes on the wire (headers included):
${bytesLine('cold', typical)}
${bytesLine('warm', warm[cold.indexOf(typical)] ?? warm[0])}
Requests of the cold load closest to the median LCP (ms after the document's request):
${waterfall(typical).join('\n')}

Goal LCP < ${seconds(GOAL_LCP_MS)} cold: ${coldLcp < GOAL_LCP_MS ? 'met' : 'not met'} (median ${seconds(coldLcp)}).`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main(): Promise<number> {
  const network = NETWORKS[process.env.BENCH_PHONE_NETWORK ?? 'slow-4g'];
  if (!network) throw new Error(`BENCH_PHONE_NETWORK must be one of ${Object.keys(NETWORKS).join(', ')}`);
  console.log('Building the web app (cached while its sources are unchanged) …');
  const webRoot = webBuild();
  return withBenchServices(DATABASE, async ({ config, startApi }) => {
    console.log('Migrating and seeding the Kortrijk demo data …');
    const sessionRows = await prepareDatabase(config);
    console.log(`Seeded ${sessionRows} sessions. Starting the API and Chromium …`);
    const api = await startApi({ webRoot });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    try {
      if (!SMOKE) {
        // Warms the API's JIT, pools and PostgreSQL's caches: the phone's first visit is not the server's.
        const phone = await openPhone(browser, api.origin, network);
        await measureLoad(phone.page, phone.requests, () => phone.page.goto('/'), phone.errors);
        await phone.context.close();
      }
      const cold: Load[] = [];
      const warm: Load[] = [];
      let sessionsInWindow = 0;
      process.stdout.write(`Loading the public schedule ${RUNS}× cold and warm …`);
      for (let run = 0; run < RUNS; run++) {
        const phone = await openPhone(browser, api.origin, network);
        cold.push(await measureLoad(phone.page, phone.requests, () => phone.page.goto('/'), phone.errors));
        sessionsInWindow = await phone.page.locator('ul.sessions li').count();
        warm.push(await measureLoad(phone.page, phone.requests, () => phone.page.reload(), phone.errors));
        await phone.context.close();
        process.stdout.write(` ${run + 1}`);
      }
      process.stdout.write('\n');
      report(network, sessionsInWindow, cold, warm);
      return 0;
    } finally {
      await browser.close();
    }
  });
}

runAndExit(main);
