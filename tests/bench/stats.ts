/**
 * How sure a run is of its p99: a block bootstrap over the measurement window.
 *
 * One stall (a client process collecting garbage, a process waiting for a core) delays every
 * delivery in flight at once, so the latencies of one moment are not independent samples and
 * a plain bootstrap would claim far too much certainty. The window is cut into blocks of
 * `blockMs` by the time each edit was sent; whole blocks are drawn with replacement, and the
 * p99 of each draw gives the spread. The interval covers what this window's own stalls allow;
 * a slower moment of the machine between two systems' windows is not in it (README, "Method").
 */
import { rng } from './fixtures';

export interface Interval {
  lo: number;
  hi: number;
}

export interface Bootstrap {
  /** The p99 of each resample. */
  draws: Float64Array;
  /** The middle 95 % of the draws. */
  interval: Interval;
}

export interface BootstrapOptions {
  blockMs?: number;
  resamples?: number;
  /** Seed of the resampling (a run is reproducible from its latencies). */
  seed?: number;
}

/** A seed from a name (FNV-1a), so each system's resampling is its own stream. */
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The value at fraction `q` of sorted values, by linear interpolation of ranks. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const i = Math.floor(at);
  const j = Math.min(sorted.length - 1, i + 1);
  return sorted[i]! + (sorted[j]! - sorted[i]!) * (at - i);
}

/**
 * Block bootstrap of the nearest-rank p99 of `latencies`; `sentMs[i]` is when the edit of
 * `latencies[i]` was sent, in ms from the start of the window. Null when the window has fewer
 * than two blocks with deliveries (nothing to resample).
 */
export function bootstrapP99(latencies: ArrayLike<number>, sentMs: ArrayLike<number>, options: BootstrapOptions = {}): Bootstrap | null {
  const { blockMs = 500, resamples = 2000, seed = 1 } = options;
  if (latencies.length !== sentMs.length) throw new Error(`${latencies.length} latencies but ${sentMs.length} send times`);
  const n = latencies.length;
  // Blocks that hold deliveries, renumbered densely.
  const blockOf = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = Math.floor(sentMs[i]! / blockMs);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    blockOf[i] = id;
  }
  const blocks = ids.size;
  if (blocks < 2) return null;
  const size = new Float64Array(blocks);
  for (let i = 0; i < n; i++) size[blockOf[i]!]!++;
  // Deliveries from the slowest down: a resample's p99 lies in its top one per cent, so each
  // draw walks only that far.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => latencies[b]! - latencies[a]!);
  const random = rng(seed);
  const weight = new Float64Array(blocks);
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    weight.fill(0);
    let total = 0;
    for (let k = 0; k < blocks; k++) {
      const b = Math.floor(random() * blocks);
      weight[b]!++;
      total += size[b]!;
    }
    // Nearest rank: the value with ceil(0.99 total) - 1 values below it.
    const fromTop = total - Math.ceil(0.99 * total) + 1;
    let seen = 0;
    let value = Number.NaN;
    for (const i of order) {
      seen += weight[blockOf[i]!]!;
      if (seen >= fromTop) {
        value = latencies[i]!;
        break;
      }
    }
    draws[r] = value;
  }
  const sorted = Float64Array.from(draws).sort();
  return { draws, interval: { lo: quantile(sorted, 0.025), hi: quantile(sorted, 0.975) } };
}

/**
 * The middle 95 % of `a - b` over independent draws of two systems' bootstraps: an interval
 * that holds 0 means the run does not tell the two p99 apart.
 */
export function differenceInterval(a: Bootstrap, b: Bootstrap): Interval {
  const count = Math.min(a.draws.length, b.draws.length);
  const diff = new Float64Array(count);
  for (let i = 0; i < count; i++) diff[i] = a.draws[i]! - b.draws[i]!;
  diff.sort();
  return { lo: quantile(diff, 0.025), hi: quantile(diff, 0.975) };
}
