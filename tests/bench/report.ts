/** Figures of a run: percentiles, the table on stdout and results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type { SystemName } from './messages';
import { differenceInterval, type Bootstrap } from './stats';

export interface RunResult {
  workload: string;
  system: SystemName;
  clients: number;
  docs: number;
  /** Measured edits (plenary, subgroups), full-state syncs (join-storm), history length (cold-load). */
  updates: number;
  p50_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  /**
   * plenary-40, subgroups-1000: the middle 95 % of the p99 over block-bootstrap resamples of
   * the window (stats.ts); how far this window's own stalls could move the p99.
   */
  p99_interval_ms?: [number, number];
  /** Konvent's row: its p99 minus each peer's, as a 95 % interval (contains 0: a draw). */
  p99_minus_peer_ms?: Partial<Record<SystemName, [number, number]>>;
  /** The resamples behind p99_interval_ms; dropped before the results are written. */
  bootstrap?: Bootstrap;
  errors: number;
  server_rss_mb: number | null;
  server_cpu_pct: number | null;
  /** CPU of all client worker processes together, to show whether the clients kept up. */
  clients_cpu_pct?: number | null;
  /** Where the errors of an editing workload come from (duplicates are not errors). */
  error_detail?: { missing: number; not_synced: number; disconnects: number; duplicates: number };
  /** Set when the system could not run the workload; the bench then exits non-zero. */
  failure?: string;
  /** cold-load-100k: the very first open of the raw log, before any compaction. */
  first_open_ms?: number;
}

/** A row with no figures yet: the start of every run's result, and of a failed run's. */
export function emptyRun(workload: string, system: SystemName, clients: number, docs: number): RunResult {
  return {
    workload,
    system,
    clients,
    docs,
    updates: 0,
    p50_ms: null,
    p99_ms: null,
    max_ms: null,
    errors: 0,
    server_rss_mb: null,
    server_cpu_pct: null,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1) ?? null) };
}

export function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const columns: [string, (r: RunResult) => string][] = [
  ['workload', (r) => r.workload],
  ['system', (r) => r.system],
  ['clients', (r) => String(r.clients)],
  ['docs', (r) => String(r.docs)],
  ['updates', (r) => String(r.updates)],
  ['p50 ms', (r) => fmt(r.p50_ms)],
  ['p99 ms', (r) => fmt(r.p99_ms)],
  ['p99 95% interval', (r) => (r.p99_interval_ms ? `${fmt(r.p99_interval_ms[0])}–${fmt(r.p99_interval_ms[1])}` : '–')],
  ['max ms', (r) => fmt(r.max_ms)],
  ['errors', (r) => String(r.errors)],
  ['RSS MB', (r) => fmt(r.server_rss_mb)],
  ['CPU %', (r) => fmt(r.server_cpu_pct)],
];

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(1));

export function table(results: RunResult[]): string {
  const rows = results.map((r) => columns.map(([, get]) => get(r)));
  const widths = columns.map(([title], i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(columns.map(([title]) => title)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const r of results) {
    if (r.first_open_ms !== undefined) out.push(`${r.system}: first open of the uncompacted 100k log ${fmt(r.first_open_ms)} ms`);
  }
  for (const r of results) if (r.failure) out.push(`FAILED ${r.workload} / ${r.system}: ${r.failure}`);
  return out.join('\n');
}

/**
 * For each workload with bootstraps: Konvent's p99 minus each peer's, as a 95 % interval, set on
 * Konvent's row; returns one line per comparison for stdout.
 */
export function compareWithPeers(results: RunResult[]): string[] {
  const lines: string[] = [];
  for (const own of results) {
    if (own.system !== 'konvent' || !own.bootstrap) continue;
    for (const peer of results) {
      if (peer.workload !== own.workload || peer.system === 'konvent' || !peer.bootstrap) continue;
      const { lo, hi } = differenceInterval(own.bootstrap, peer.bootstrap);
      const interval: [number, number] = [round(lo)!, round(hi)!];
      (own.p99_minus_peer_ms ??= {})[peer.system] = interval;
      // Judged on the printed figures, so "0.0" never reads as a difference.
      const verdict = interval[1] < 0 ? 'Konvent lower' : interval[0] > 0 ? 'Konvent higher' : 'not told apart by this run';
      lines.push(`${own.workload}: Konvent's p99 minus ${peer.system}'s, 95 % interval ${signed(interval[0])} to ${signed(interval[1])} ms (${verdict})`);
    }
  }
  return lines;
}

const signed = (v: number) => (v > 0 ? `+${v.toFixed(1)}` : v.toFixed(1));

export function writeResults(
  path: string,
  mode: 'full' | 'quick',
  results: RunResult[],
  conditions: Record<string, unknown>,
): void {
  mkdirSync(dirname(path), { recursive: true });
  const body = {
    generatedAt: new Date().toISOString(),
    mode,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    conditions,
    runs: results.map(({ bootstrap: _, ...rest }) => rest),
  };
  writeFileSync(path, JSON.stringify(body, null, 2) + '\n');
}
