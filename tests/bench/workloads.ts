/**
 * The four workloads. Each takes one system from fresh storage to its figures: seed, start
 * the server process, drive the client workers, read the server's CPU and memory, stop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { draftState, history, largeState } from './fixtures';
import type { ClientSpec } from './messages';
import { freePort, monitor, type ServerProcess, type Usage, type Worker } from './processes';
import { emptyRun, round, summarize, type RunResult } from './report';
import { bootstrapP99, seedOf } from './stats';
import { sectionName, type Seed, type System } from './systems';

export interface EditParams {
  clients: number;
  docs: number;
  editsPerSecond: number;
  /** Edits per burst, 120 ms apart; bursts come at the rate's pace. */
  burst: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  /** Connections opened per second by each worker (a ramp, not a storm). */
  connectPerSecond: number;
}

export interface Workload {
  name: string;
  run(system: System, workers: Worker[]): Promise<RunResult>;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Shared by every system in the run (generated once: the 100k history takes seconds). */
const fixtures = {
  draft: undefined as Uint8Array | undefined,
  large: undefined as ReturnType<typeof largeState> | undefined,
  history: undefined as ReturnType<typeof history> | undefined,
};
const draft = () => (fixtures.draft ??= draftState());
const large = () => (fixtures.large ??= largeState(1_000_000));
const longHistory = () => (fixtures.history ??= history(100_000));

async function withServer<T>(
  system: System,
  seed: Seed,
  body: (ctx: { dir: string; tokens: string[] | undefined; start(): Promise<ServerProcess> }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(joinPath(tmpdir(), `konvent-bench-${system.name}-`));
  const started: ServerProcess[] = [];
  try {
    const tokens = await system.prepare(dir, seed);
    const value = await body({
      dir,
      tokens,
      async start() {
        const server = await system.start(dir, await freePort());
        started.push(server);
        return server;
      },
    });
    const died = started.find((s) => !s.alive() && !s.stopped());
    if (died) throw new Error(`the server process died during the workload:\n${died.output()}`);
    return value;
  } catch (err) {
    const died = started.find((s) => !s.alive() && !s.stopped());
    if (died) throw new Error(`the server process died: ${String((err as Error)?.message ?? err)}\n${died.output()}`);
    throw err;
  } finally {
    for (const s of started) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function assign(count: number, workers: number, docs: string[], tokens: string[] | undefined, offset = 0) {
  const perWorker: ClientSpec[][] = Array.from({ length: workers }, () => []);
  for (let i = 0; i < count; i++) {
    const list = perWorker[i % workers]!;
    list.push({ index: list.length, docName: docs[i % docs.length]!, token: tokens?.[offset + i] });
  }
  return perWorker;
}


/** plenary-40 and subgroups-1000: clients type; latency from an edit to each other client. */
export function editing(name: string, p: EditParams): Workload {
  return {
    name,
    run: (system, workers) => {
      const docs = Array.from({ length: p.docs }, sectionName);
      const result = emptyRun(name, system.name, p.clients, p.docs);
      const seed: Seed = { people: p.clients, docs: docs.map((n) => ({ name: n, state: draft() })) };
      return withServer(system, seed, async ({ tokens, start }) => {
        const server = await start();
        const endpoint = system.endpoint(server.port);
        const plan = assign(p.clients, workers.length, docs, tokens);
        // Each client has 30 s to sync from when it is opened; the ramp adds its own length.
        const connectBudget = 45_000 + (Math.ceil(p.clients / workers.length) / p.connectPerSecond) * 1000;
        const connected = await Promise.all(
          workers.map((w, i) => {
            w.send({ type: 'connect', endpoint, clients: plan[i]!, perSecond: p.connectPerSecond, timeoutMs: 30_000 });
            return w.next('connected', connectBudget);
          }),
        );
        const perDoc = new Map<string, number>();
        const failures = connected.flatMap((c) => c.failures);
        for (const c of connected) for (const [doc, n] of Object.entries(c.connected)) perDoc.set(doc, (perDoc.get(doc) ?? 0) + n);
        const connectedTotal = [...perDoc.values()].reduce((a, b) => a + b, 0);
        if (connectedTotal < p.clients / 2) {
          throw new Error(`only ${connectedTotal} of ${p.clients} clients synced: ${failures.slice(0, 3).join('; ')}\n${server.output()}`);
        }

        const startAt = now() + 500;
        const edited = Promise.all(
          workers.map((w) => {
            w.send({ type: 'edit', startAt, warmupMs: p.warmupMs, measureMs: p.measureMs, editsPerSecond: p.editsPerSecond, burst: p.burst });
            return w.next('edited', p.warmupMs + p.measureMs + 60_000);
          }),
        );
        await sleep(startAt + p.warmupMs - now());
        const watch = monitor(server.pid);
        const clientWatch = workers.map((w) => monitor(w.pid));
        const sentByWorker = await edited;
        // Late deliveries still count; what has not arrived after the drain is an error.
        await sleep(Math.max(0, startAt + p.warmupMs + p.measureMs + p.drainMs - now()));
        const usage = watch.stop();
        const clientCpu = clientWatch.reduce((a, m) => a + m.stop().cpuPct, 0);
        const collected = await Promise.all(
          workers.map((w) => {
            w.send({ type: 'collect' });
            return w.next('collected', 30_000);
          }),
        );
        let sent = 0;
        let expected = 0;
        for (const s of sentByWorker) {
          for (const [doc, n] of Object.entries(s.sent)) {
            sent += n;
            expected += n * ((perDoc.get(doc) ?? 1) - 1);
          }
        }
        const receivedTotal = collected.reduce((a, c) => a + c.received, 0);
        const disconnects = collected.reduce((a, c) => a + c.disconnects, 0);
        const latencies = collected.flatMap((c) => c.latencies);
        const bootstrap = bootstrapP99(latencies, collected.flatMap((c) => c.sentMs), { seed: seedOf(`${name}/${system.name}`) });
        await Promise.all(workers.map((w) => w.reset()));
        const missing = Math.max(0, expected - receivedTotal);
        return {
          ...result,
          updates: sent,
          ...summarize(latencies),
          p99_interval_ms: bootstrap ? [round(bootstrap.interval.lo)!, round(bootstrap.interval.hi)!] : undefined,
          bootstrap: bootstrap ?? undefined,
          errors: missing + failures.length + disconnects,
          error_detail: { missing, not_synced: failures.length, disconnects, duplicates: collected.reduce((a, c) => a + c.duplicates, 0) },
          ...usageFields(usage),
          clients_cpu_pct: round(clientCpu),
        };
      });
    },
  };
}

/** Several windows: the highest memory, the mean CPU. */
const combine = (usages: Usage[]): Usage => ({
  rssMb: Math.max(...usages.map((u) => u.rssMb)),
  cpuPct: usages.reduce((a, u) => a + u.cpuPct, 0) / usages.length,
});

const usageFields = (u: Usage) => ({ server_rss_mb: round(u.rssMb), server_cpu_pct: round(u.cpuPct) });

export interface JoinParams {
  clients: number;
  /** Storms, each on its own not-yet-loaded section of the same server process. */
  storms: number;
}

/** join-storm-200: every client connects at once to a section of about 1 MB encoded state. */
export function joinStorm(name: string, p: JoinParams): Workload {
  return {
    name,
    run: (system, workers) => {
      const big = large();
      const warmDoc = sectionName();
      const stormDocs = Array.from({ length: p.storms }, sectionName);
      const seed: Seed = {
        people: p.clients,
        docs: [{ name: warmDoc, state: draft() }, ...stormDocs.map((n) => ({ name: n, state: big.update }))],
      };
      return withServer(system, seed, async ({ tokens, start }) => {
        const server = await start();
        const endpoint = system.endpoint(server.port);
        // Warm the server's code paths on a small section first, so the storm meets a
        // running server, as it would in a plenary session.
        const warm = await join(workers.slice(0, 1), endpoint, assign(10, 1, [warmDoc], tokens), draft().byteLength, null, 0);
        if (warm.failures.length) throw new Error(`warm-up failed: ${warm.failures[0]}\n${server.output()}`);
        const latencies: number[] = [];
        const failures: string[] = [];
        const usages: Usage[] = [];
        for (const doc of stormDocs) {
          const watch = monitor(server.pid, { lifetimePeak: true });
          const r = await join(workers, endpoint, assign(p.clients, workers.length, [doc], tokens), big.update.byteLength, big.stateVector, 2);
          usages.push(watch.stop());
          latencies.push(...r.latencies);
          failures.push(...r.failures);
          await sleep(1000);
        }
        const usage = combine(usages);
        if (latencies.length === 0) throw new Error(`no client synced: ${failures.slice(0, 3).join('; ')}\n${server.output()}`);
        return {
          ...emptyRun(name, system.name, p.clients, p.storms),
          updates: p.clients * p.storms,
          ...summarize(latencies),
          errors: failures.length,
          ...usageFields(usage),
        };
      });
    },
  };
}

async function join(
  workers: Worker[],
  endpoint: ReturnType<System['endpoint']>,
  plan: ClientSpec[][],
  expectBytes: number,
  expectStateVector: Uint8Array | null,
  verify: number,
  leadMs = 300,
  timeoutMs = 30_000,
) {
  // Every worker opens its connections at the same instant, `leadMs` from now.
  const at = now() + leadMs;
  const results = await Promise.all(
    workers.map((w, i) => {
      w.send({
        type: 'join',
        endpoint,
        clients: plan[i]!,
        at,
        expectBytes,
        expectStateVector: expectStateVector ?? new Uint8Array(),
        timeoutMs,
        verify,
      });
      return w.next('joined', timeoutMs + 30_000);
    }),
  );
  await Promise.all(workers.map((w) => w.reset()));
  return { latencies: results.flatMap((r) => r.latencies), failures: results.flatMap((r) => r.failures) };
}

export interface ColdParams {
  samples: number;
}

/**
 * cold-load-100k: a section whose log holds 100,000 updates and no snapshot. The first cold
 * open (reported as first_open_ms) lets each server store it its own way; each sample then
 * restarts the server and times a fresh client until it holds the whole state.
 */
export function coldLoad(name: string, p: ColdParams): Workload {
  return {
    name,
    run: (system, workers) => {
      const h = longHistory();
      const doc = sectionName();
      const seed: Seed = { people: 1, docs: [{ name: doc, log: h.updates, state: h.state }] };
      return withServer(system, seed, async ({ tokens, start }) => {
        const plan = assign(1, 1, [doc], tokens);
        // The first open of a raw 100k log may take long (y-leveldb needs about half a
        // minute on this machine); it is reported, and only the reopens are the samples.
        const open = async (timeoutMs: number) => {
          const server = await start();
          const watch = monitor(server.pid, { lifetimePeak: true });
          const r = await join(workers.slice(0, 1), system.endpoint(server.port), plan, h.state.byteLength, h.stateVector, 1, 20, timeoutMs);
          const usage = watch.stop();
          await server.stop();
          if (r.failures.length) throw new Error(`${r.failures[0]}\n${server.output()}`);
          return { ms: r.latencies[0]!, usage };
        };
        const first = await open(300_000);
        const samples = [];
        for (let i = 0; i < p.samples; i++) samples.push(await open(30_000));
        return {
          ...emptyRun(name, system.name, 1, 1),
          updates: h.updates.length,
          ...summarize(samples.map((s) => s.ms)),
          ...usageFields(combine(samples.map((s) => s.usage))),
          first_open_ms: round(first.ms) ?? undefined,
        };
      });
    },
  };
}
