/**
 * `pnpm bench` / `pnpm bench:quick`: every workload against Konvent and the two peer servers,
 * one system after another in the same run (this machine's speed drifts between runs).
 * Prints a table and writes results/latest.json. Exits non-zero when a system could not run a
 * workload. Options: --quick, --only=<workload,...>, --systems=<system,...>, --renice (run every
 * bench process at nice -10; needs root; for a machine shared with other jobs), --profile=<system,...>
 * (those servers run with --cpu-prof; profiles go to results/profiles/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killAll, profileServers, renice, Worker } from './processes';
import { compareWithPeers, emptyRun, table, writeResults, type RunResult } from './report';
import { repoRoot, systems } from './systems';
import { coldLoad, editing, joinStorm, type Workload } from './workloads';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]?.split(',');

// Quick mode shortens the time of each workload, never its size: the same clients, sections,
// rates and state, with shorter warm-up and measurement windows and fewer storms and samples.
const workloads: Workload[] = [
  editing('plenary-40', {
    clients: 40,
    docs: 1,
    editsPerSecond: 2,
    burst: 4,
    warmupMs: quick ? 2000 : 5000,
    measureMs: quick ? 6000 : 60_000,
    drainMs: quick ? 1500 : 3000,
    connectPerSecond: 40,
  }),
  editing('subgroups-1000', {
    clients: 1000,
    docs: 100,
    editsPerSecond: 1,
    burst: 2,
    warmupMs: quick ? 2000 : 5000,
    measureMs: quick ? 6000 : 60_000,
    drainMs: quick ? 1500 : 3000,
    connectPerSecond: 250,
  }),
  joinStorm('join-storm-200', { clients: 200, storms: quick ? 1 : 3 }),
  coldLoad('cold-load-100k', { samples: quick ? 2 : 5 }),
];

/** The server bundle, rebuilt when any source it is built from is newer. */
function ensureKonventBuild(): void {
  const bundle = join(repoRoot, 'server', 'dist', 'main.js');
  const newest = (dir: string): number => {
    if (!existsSync(dir)) return 0;
    let max = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }
    return max;
  };
  const sources = ['server/src', 'shared/src', 'db/src', 'db/migrations'].map((d) => newest(join(repoRoot, d)));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources)) return;
  process.stdout.write('bench: building the server (server/dist is older than its sources)\n');
  execFileSync('pnpm', ['--filter', '@konvent/server', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}

async function main(): Promise<number> {
  const onlyWorkloads = option('only');
  const onlySystems = option('systems');
  const chosen = workloads.filter((w) => !onlyWorkloads || onlyWorkloads.includes(w.name));
  const chosenSystems = systems.filter((s) => !onlySystems || onlySystems.includes(s.name));
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  const reniced = args.includes('--renice');
  const profile = option('profile');
  if (profile) profileServers(profile, join(here, 'results', 'profiles'));
  if (reniced) renice(-10);
  process.stdout.write(
    `bench (${quick ? 'quick' : 'full'}): ${cpus().length} CPUs, Node ${process.version}, load average ${load.join(' ')}` +
      `${reniced ? ', reniced to -10' : ''}\n`,
  );

  let buildError: string | undefined;
  if (chosenSystems.some((s) => s.name === 'konvent')) {
    try {
      ensureKonventBuild();
    } catch (err) {
      buildError = `server build failed: ${(err as Error).message}`;
    }
  }

  // Four client processes, reused by every workload: two cores cannot give each client its
  // own process, and four spread the clients' work over both cores.
  const workers = Array.from({ length: 4 }, (_, i) => new Worker(i, join(here, 'client', 'worker.ts')));
  await Promise.all(workers.map((w) => w.ready));
  const results: RunResult[] = [];
  try {
    for (const workload of chosen) {
      for (const system of chosenSystems) {
        const t0 = Date.now();
        process.stdout.write(`${workload.name} / ${system.name} … `);
        let result: RunResult;
        try {
          if (system.name === 'konvent' && buildError) throw new Error(buildError);
          result = await workload.run(system, workers);
        } catch (err) {
          result = failed(workload.name, system.name, err);
          // A failed run may leave clients behind in the workers.
          await Promise.all(workers.map((w) => w.reset().catch(() => undefined)));
        }
        results.push(result);
        process.stdout.write(
          result.failure ? `FAILED (${((Date.now() - t0) / 1000).toFixed(0)} s)\n` : `p99 ${result.p99_ms} ms (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`,
        );
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.exit()));
  }

  const comparisons = compareWithPeers(results);
  process.stdout.write('\n' + table(results) + '\n');
  if (comparisons.length > 0) process.stdout.write('\n' + comparisons.join('\n') + '\n');
  const out = join(here, 'results', 'latest.json');
  writeResults(out, quick ? 'quick' : 'full', results, {
    loadAverageAtStart: load,
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
    nice: reniced ? -10 : 0,
  });
  process.stdout.write(`\nwrote ${out}\n`);
  return results.some((r) => r.failure) ? 1 : 0;
}

function failed(workload: string, system: RunResult['system'], err: unknown): RunResult {
  const message = String((err as Error)?.message ?? err).slice(0, 2000);
  return { ...emptyRun(workload, system, 0, 0), errors: 1, failure: message };
}

main().then(
  (code) => {
    killAll();
    process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error)?.stack ?? String(err)}\n`);
    killAll();
    process.exit(1);
  },
);
