/**
 * Every process the bench starts goes through here, so all of them are stopped at the end,
 * on failure and on Ctrl-C; and the server's CPU time and memory are read from /proc.
 */
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { setPriority } from 'node:os';
import type { FromWorker, ToWorker } from './messages';

const children = new Set<ChildProcess>();

/**
 * With `--renice` every bench process (runner, servers, workers) runs at this scheduling
 * priority, so jobs of other people on a shared machine disturb the figures less. It applies
 * to all systems alike.
 */
let priority: number | undefined;
export function renice(value: number): void {
  priority = value;
  setPriority(process.pid, value);
  // With autogroup scheduling (Linux desktops and this kind of machine) nice only ranks
  // processes within one session; the session's own weight is set through its autogroup,
  // which every process the bench starts shares.
  try {
    const before = /nice (-?\d+)/.exec(readFileSync('/proc/self/autogroup', 'utf8'))?.[1] ?? '0';
    writeFileSync('/proc/self/autogroup', String(value));
    // The session outlives the bench: give it its weight back.
    process.once('exit', () => {
      try {
        writeFileSync('/proc/self/autogroup', before);
      } catch {
        // Nothing more to do on the way out.
      }
    });
  } catch {
    // No autogroup scheduling here: the nice value alone applies.
  }
}

function track(child: ChildProcess): ChildProcess {
  if (priority !== undefined && child.pid) setPriority(child.pid, priority);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGKILL whatever is still running: used on the way out, whatever the way. */
export function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping every process it started\n`);
    killAll();
    process.exit(130);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  pid: number;
  /** Still running (a server that died during a workload fails it). */
  alive(): boolean;
  /** stop() was called (so not being alive is expected). */
  stopped(): boolean;
  port: number;
  /** The last lines it printed, to explain a failure. */
  output(): string;
  /** SIGTERM (the servers flush storage on it), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** `--profile=<system,...>`: those servers run with V8's CPU profiler, written on exit. */
const profiled = new Map<string, string>();
export function profileServers(names: string[], dir: string): void {
  for (const name of names) profiled.set(name, dir);
}

export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  cwd: string,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const profileDir = profiled.get(name);
  if (profileDir) args = ['--cpu-prof', '--cpu-prof-dir', profileDir, ...args];
  const child = track(
    spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopCalled = false;
  const stop = (graceMs = 15_000) =>
    new Promise<void>((resolve) => {
      stopCalled = true;
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before listening:\n${log}`);
    }
    if (Date.now() > deadline) {
      await stop(1000);
      throw new Error(`${name} did not listen on ${port} within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const alive = () => child.exitCode === null && child.signalCode === null;
  return { pid: child.pid!, port, alive, stopped: () => stopCalled, output: () => log, stop };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A client worker process (TypeScript through tsx; the clients are not what is measured). */
export class Worker {
  private readonly child: ChildProcess;
  private readonly waiting: ((msg: FromWorker) => boolean)[] = [];
  readonly ready: Promise<void>;

  constructor(readonly id: number, script: string) {
    this.child = track(
      fork(script, [], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, BENCH_WORKER_ID: String(id) },
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    this.child.on('message', (msg: FromWorker) => {
      const i = this.waiting.findIndex((w) => w(msg));
      if (i >= 0) this.waiting.splice(i, 1);
    });
    this.ready = this.next('ready', 30_000).then(() => undefined);
  }

  get pid(): number {
    return this.child.pid!;
  }

  send(msg: ToWorker): void {
    this.child.send(msg);
  }

  /** The next message of `type` (an `error` from the worker rejects). */
  next<T extends FromWorker['type']>(type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`worker ${this.id}: no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const onExit = (code: number | null) => reject(new Error(`worker ${this.id} exited (${code}) while waiting for "${type}"`));
      this.child.once('exit', onExit);
      this.waiting.push((msg) => {
        if (msg.type !== type && msg.type !== 'error') return false;
        clearTimeout(timer);
        this.child.off('exit', onExit);
        if (msg.type === 'error') reject(new Error(`worker ${this.id}: ${msg.message}`));
        else resolve(msg as Extract<FromWorker, { type: T }>);
        return true;
      });
    });
  }

  /** Ends the clients of the current workload. */
  async reset(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.send({ type: 'close' });
    await this.next('closed', 15_000);
  }

  async exit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    try {
      this.send({ type: 'exit' });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    } finally {
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
  }
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields are counted after its ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

export interface Usage {
  cpuPct: number;
  rssMb: number;
}

/**
 * Watches a server over the measurement window: CPU as percent of one core from the
 * difference of its CPU ticks, and the peak VmRSS sampled every 20 ms. With `lifetimePeak`
 * the kernel's VmHWM (peak since the process started) counts too: for a process started for
 * the window, it catches peaks shorter than a sample.
 */
export function monitor(pid: number, options: { lifetimePeak?: boolean } = {}) {
  const startTicks = cpuTicks(pid);
  const startAt = performance.now();
  let peakKb = statusKb(pid, 'VmRSS');
  let lastTicks = startTicks;
  let lastAt = startAt;
  // Samples the process; a process that has ended keeps the last figures seen.
  const sample = () => {
    try {
      peakKb = Math.max(peakKb, statusKb(pid, 'VmRSS'));
      if (options.lifetimePeak) peakKb = Math.max(peakKb, statusKb(pid, 'VmHWM'));
      lastTicks = cpuTicks(pid);
      lastAt = performance.now();
    } catch {
      // Gone: the workload notices that on its own.
    }
  };
  const timer = setInterval(sample, 20);
  return {
    stop(): Usage {
      clearInterval(timer);
      sample();
      const seconds = Math.max(0.001, (lastAt - startAt) / 1000);
      return { cpuPct: ((lastTicks - startTicks) / ticksPerSecond() / seconds) * 100, rssMb: peakKb / 1024 };
    },
  };
}
