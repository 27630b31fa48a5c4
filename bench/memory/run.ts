/**
 * `npm run bench:memory`: the resident memory of the API and of the worker, each as its own
 * process, under load (issue 22: "< 250 MB each under load").
 *
 * The other benches run the API and the worker inside their own process (they count the API's SQL
 * through its in-process DataSource), so the peak RSS they print is one figure for the API, the
 * worker, the load generator and the pg side together: an upper bound only. This one starts a
 * throw-away PostgreSQL and redis-server, migrates, seeds the Kortrijk demo, and then runs the real
 * production entry points as children, as `npm run start:api` and `start:worker` start them
 * (`node --max-old-space-size=… dist/apps/api/src/main.js`, heap limits included; NODE_ENV=production, the bench environment of
 * bench/shared/services.ts; SMTP and SMS go to @app/testing's local capture servers in this
 * process). After both answer GET /health it loads them for a fixed time with
 *   - 8 anonymous clients sending the public schedule query (bench/sessions-query's), and
 *   - 4 clients logged in as the demo coordinator registering new participants who want an SMS,
 *     so every registration puts a confirmation message in the outbox for the worker to send,
 * and samples VmRSS of each child from /proc/<pid>/status every 100 ms. It prints per process the
 * peak sampled RSS and the kernel's VmHWM (peak resident set over the process's life, start-up
 * included), and whether the goal is met. There is no pg side: this measures memory, not speed.
 * It exits 1 only when a child crashes or a request fails, never on the goal.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { freePort, startSmsGateway, startSmtpCapture, waitFor } from '@app/testing';
import { DEMO_PASSWORD, seedKortrijkDemo } from '../../scripts/demo-seed';
import { callGraphql, graphqlHeaders, postGraphql, sendGraphql, SESSIONS_QUERY } from '../shared/graphql';
import { runLoad, SMOKE } from '../shared/load';
import { migrate, runAndExit, withBenchServices } from '../shared/services';

const DATABASE = 'oefenkansen_bench_memory';
const GOAL_MB = 250;
const SAMPLE_EVERY_MS = 100;
const LOAD_MS = Number(process.env.BENCH_MEASURE_MS ?? (SMOKE ? 1_000 : 20_000));
const READERS = 8;
const REGISTRARS = 4;
/** dist/bench/memory → dist: the build this script is part of holds the apps too. */
/** The checkout: dist/bench/memory is two folders below dist/. */
const ROOT = join(__dirname, '..', '..', '..');

const REGISTER_MUTATION = `mutation Register($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) { id status }
}`;

const mb = (kB: number) => kB / 1024;

/** VmRSS and VmHWM of `pid` in kB; null once the process is gone. */
function readStatus(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
    return rss && hwm ? { rss: Number(rss[1]), hwm: Number(hwm[1]) } : null;
  } catch {
    return null;
  }
}

interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
  /** Set when the child exited while the benchmark still needed it. */
  crashed: string | null;
  peakRss: number;
  lastHwm: number;
  atLoadStart: number;
}

/**
 * The production command of `npm run <script>` (`node <flags> dist/…/main.js`), as node arguments
 * from the repository root: the bench measures the processes as production starts them, heap
 * limits included.
 */
function productionArguments(script: 'start:api' | 'start:worker'): string[] {
  const command = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[script];
  const [node, ...args] = command.trim().split(/\s+/);
  if (node !== 'node' || !args.at(-1)?.endsWith('main.js')) throw new Error(`npm run ${script} is no longer "node [flags] <main.js>": ${command}`);
  return [...args.slice(0, -1), join(ROOT, args.at(-1)!)];
}

function startChild(name: string, script: 'start:api' | 'start:worker', env: Record<string, string>): Child {
  // BENCH_CHILD_NODE_OPTIONS (e.g. --max-old-space-size=96): to tell a leak from a heap V8 simply lets grow.
  const nodeOptions = process.env.BENCH_CHILD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_CHILD_NODE_OPTIONS } : {};
  const child = spawn(process.execPath, productionArguments(script), {
    env: { PATH: process.env.PATH ?? '', ...env, ...nodeOptions },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const entry: Child = { name, process: child, output: [], crashed: null, peakRss: 0, lastHwm: 0, atLoadStart: 0 };
  // The last lines only: the clue when it dies, without keeping a production log in memory.
  const keep = (chunk: Buffer) => {
    entry.output.push(chunk.toString());
    if (entry.output.length > 50) entry.output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('exit', (code, signal) => {
    if (!stopping) entry.crashed = `${name} exited (code ${code}, signal ${signal}):\n${entry.output.join('')}`;
  });
  return entry;
}

let stopping = false;

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  // SIGTERM: the apps close gracefully on it (closeGracefullyOnSignals), as in production.
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function healthy(url: string): Promise<true | undefined> {
  try {
    return (await fetch(url)).ok ? true : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  return withBenchServices(DATABASE, async ({ config, environment }) => {
    console.log('Migrating and seeding the Kortrijk demo data …');
    await migrate(config);
    await seedKortrijkDemo(config);

    const smtp = await startSmtpCapture();
    const sms = await startSmsGateway();
    const apiPort = await freePort();
    const workerPort = await freePort();
    const children: Child[] = [];
    let sampler: NodeJS.Timeout | null = null;
    try {
      console.log('Starting the built API and worker as processes of their own …');
      children.push(startChild('API', 'start:api', { ...environment, HOST: '127.0.0.1', PORT: String(apiPort) }));
      children.push(
        startChild('worker', 'start:worker', {
          ...environment,
          WORKER_HOST: '127.0.0.1',
          WORKER_PORT: String(workerPort),
          SMTP_URL: smtp.url,
          SMS_GATEWAY_URL: sms.url,
        }),
      );
      const [api, worker] = children;
      const crashCheck = () => {
        const crashed = children.find((child) => child.crashed);
        if (crashed) throw new Error(crashed.crashed!);
      };
      for (const [child, port] of [
        [api, apiPort],
        [worker, workerPort],
      ] as const) {
        await waitFor(
          async () => {
            crashCheck();
            return healthy(`http://127.0.0.1:${port}/health`);
          },
          `${child.name} /health`,
          120_000,
          200,
        );
      }

      const url = `http://127.0.0.1:${apiPort}/graphql`;
      const from = new Date();
      const scheduleBody = JSON.stringify({ query: SESSIONS_QUERY, variables: { from: from.toISOString() } });
      const schedule = await postGraphql<{ sessions: { edges: { node: { id: string } }[] } }>(url, graphqlHeaders(), scheduleBody);
      const sessionIds = schedule.sessions.edges.map((edge) => edge.node.id);
      if (!sessionIds.length) throw new Error('the demo has no upcoming sessions to register for');
      const token = (
        await callGraphql<{ login: { token: string } }>(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
          e: 'coordinator@oefenkansen.demo',
          p: DEMO_PASSWORD,
        })
      ).login.token;

      const sample = () => {
        for (const child of children) {
          const status = child.process.pid ? readStatus(child.process.pid) : null;
          if (!status) continue;
          child.peakRss = Math.max(child.peakRss, status.rss);
          child.lastHwm = status.hwm;
        }
      };
      sample();
      for (const child of children) child.atLoadStart = child.peakRss;
      sampler = setInterval(sample, SAMPLE_EVERY_MS);

      process.stdout.write(`Loading for ${LOAD_MS / 1000} s: ${READERS} clients on the public schedule, ${REGISTRARS} registering participants with SMS …`);
      const publicHeaders = graphqlHeaders();
      const coordinatorHeaders = graphqlHeaders(token);
      let registered = 0;
      let refused = 0;
      let next = 0;
      const [reads, registrations] = await Promise.all([
        runLoad(
          READERS,
          LOAD_MS,
          () => () => postGraphql(url, publicHeaders, scheduleBody),
          () => crashCheck(),
        ),
        runLoad(
          REGISTRARS,
          LOAD_MS,
          () => {
            const n = next++;
            // A distinct Belgian mobile number each (+32 47x xx xx xx), so no one is a duplicate of another.
            const participant = {
              firstName: `Bench ${n}`,
              phone: `+3247${String(n).padStart(7, '0')}`,
              preferredLanguage: 'nl',
              contactChannel: 'SMS',
              consentToContact: true,
            };
            const body = JSON.stringify({ query: REGISTER_MUTATION, variables: { input: { sessionId: sessionIds[n % sessionIds.length], participant } } });
            return () => sendGraphql<{ registerParticipant: { status: string } }>(url, coordinatorHeaders, body);
          },
          (answer) => {
            crashCheck();
            if (answer.status !== 200 || !answer.data) throw new Error(`registration failed (${answer.status}): ${JSON.stringify(answer.errors)}`);
            // A refusal the API gives by design (e.g. a session closed for registration) is part of the load, not a failure.
            if (answer.errors) refused += 1;
            else registered += 1;
          },
        ),
      ]);
      process.stdout.write(` ${reads.perSecond.toFixed(0)} schedule reads/s, ${registrations.perSecond.toFixed(0)} registrations/s\n`);

      // The worker drains the outbox after the load: its peak may come then, so keep sampling a while.
      const drainMs = SMOKE ? 1_000 : 10_000;
      const drainUntil = Date.now() + drainMs;
      while (Date.now() < drainUntil && sms.messages.length < registered) {
        crashCheck();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      sample();
      crashCheck();
      clearInterval(sampler);
      sampler = null;

      console.log(
        `${reads.requests} schedule reads, ${registered} registrations (${refused} refused by the API), ${sms.messages.length} SMS and ${smtp.mails.length} e-mails sent by the worker.`,
      );
      console.log('');
      console.log(
        `Memory of each process (VmRSS sampled every ${SAMPLE_EVERY_MS} ms from /proc/<pid>/status under load; VmHWM: the kernel's peak over the whole life):`,
      );
      let allMet = true;
      for (const child of children) {
        const peak = Math.max(child.peakRss, child.lastHwm);
        const met = mb(peak) < GOAL_MB;
        allMet &&= met;
        console.log(
          `  ${child.name.padEnd(6)} peak RSS ${mb(child.peakRss).toFixed(0)} MB (${mb(child.atLoadStart).toFixed(0)} MB when the load started), VmHWM ${mb(child.lastHwm).toFixed(0)} MB: goal < ${GOAL_MB} MB ${met ? 'met' : 'not met'}`,
        );
      }
      // The ratio line, as the other benches end theirs (the bench smoke test looks for it): below 1.00 meets the goal.
      const ratios = children.map((child) => `${child.name} = ${(mb(Math.max(child.peakRss, child.lastHwm)) / GOAL_MB).toFixed(2)}`).join(', ');
      console.log(`peak/goal (${GOAL_MB} MB, the higher of peak RSS and VmHWM): ${ratios}`);
      console.log(
        `Goal < ${GOAL_MB} MB each: ${allMet ? 'met' : 'not met'}.${SMOKE ? ' (BENCH_SMOKE: phases too short for the figures to mean anything.)' : ''}`,
      );
      return 0;
    } finally {
      if (sampler) clearInterval(sampler);
      stopping = true;
      for (const child of children) await stopChild(child);
      await smtp.stop();
      await sms.stop();
    }
  });
}

runAndExit(main);
