/**
 * The benchmark's statement of how sure a run is of its p99 (tests/bench/stats.ts): whoever
 * reads `pnpm bench` relies on "not told apart" meaning the window could not tell, and on a
 * stall counting as one event, not as hundreds of independent slow deliveries.
 */
import { describe, expect, it } from 'vitest';
import { compareWithPeers, emptyRun, type RunResult } from '../bench/report';
import { bootstrapP99, quantile, seedOf } from '../bench/stats';

/** `blocks` blocks of 500 ms, each with `perBlock` deliveries of `ms`, sent inside the block. */
function steady(blocks: number, perBlock: number, ms: number) {
  const latencies: number[] = [];
  const sentMs: number[] = [];
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < perBlock; i++) {
      latencies.push(ms);
      sentMs.push(b * 500 + (i % 500));
    }
  }
  return { latencies, sentMs };
}

const row = (system: RunResult['system'], latencies: number[], sentMs: number[]): RunResult => ({
  ...emptyRun('plenary-40', system, 40, 1),
  bootstrap: bootstrapP99(latencies, sentMs, { seed: seedOf(system) }) ?? undefined,
});

describe('p99 interval of a benchmark window', () => {
  it('is the p99 itself when every block looks the same', () => {
    const { latencies, sentMs } = steady(12, 100, 3);
    // One slow delivery in every block: 1 of 101 is above the 99th percentile's rank.
    for (let b = 0; b < 12; b++) {
      latencies.push(40);
      sentMs.push(b * 500 + 499);
    }
    const result = bootstrapP99(latencies, sentMs)!;
    expect(result.interval).toEqual({ lo: 3, hi: 3 });
  });

  it('treats a stall as one event: the window cannot rule out a run without it', () => {
    const { latencies, sentMs } = steady(10, 1000, 1);
    // 200 deliveries delayed together in block 4: 2 % of the window, so its p99 is 50 ms.
    for (let i = 0; i < 200; i++) {
      latencies.push(50);
      sentMs.push(4 * 500 + 100);
    }
    const { interval, draws } = bootstrapP99(latencies, sentMs, { resamples: 4000 })!;
    // Independent samples would pin the p99 at 50 ms; resampling blocks draws windows
    // without the stall (p99 1 ms) in about a third of the draws (0.9^10).
    expect(interval).toEqual({ lo: 1, hi: 50 });
    const withoutStall = draws.filter((d) => d === 1).length / draws.length;
    expect(withoutStall).toBeGreaterThan(0.3);
    expect(withoutStall).toBeLessThan(0.4);
  });

  it('is reproducible from its seed and needs two blocks', () => {
    const { latencies, sentMs } = steady(6, 50, 2);
    latencies[10] = 30;
    expect(bootstrapP99(latencies, sentMs, { seed: 7 })!.draws).toEqual(bootstrapP99(latencies, sentMs, { seed: 7 })!.draws);
    expect(bootstrapP99([1, 2, 3], [0, 10, 20])).toBeNull();
    expect(() => bootstrapP99([1, 2], [0])).toThrow('2 latencies but 1 send times');
  });

  it('interpolates quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("Konvent's p99 against each peer", () => {
  it('calls a difference only when the intervals say so', () => {
    const fast = steady(12, 200, 2);
    const slow = steady(12, 200, 5);
    const noisy = steady(12, 200, 2);
    // The same level with a stall in one block: neither clearly better nor worse than fast.
    for (let i = 0; i < 60; i++) {
      noisy.latencies.push(9);
      noisy.sentMs.push(3 * 500 + 7);
    }
    const results = [
      row('konvent', fast.latencies, fast.sentMs),
      row('y-websocket-server', slow.latencies, slow.sentMs),
      row('hocuspocus', noisy.latencies, noisy.sentMs),
    ];
    const lines = compareWithPeers(results);
    expect(results[0]!.p99_minus_peer_ms).toEqual({ 'y-websocket-server': [-3, -3], hocuspocus: [-7, 0] });
    expect(lines).toEqual([
      "plenary-40: Konvent's p99 minus y-websocket-server's, 95 % interval -3.0 to -3.0 ms (Konvent lower)",
      "plenary-40: Konvent's p99 minus hocuspocus's, 95 % interval -7.0 to 0.0 ms (not told apart by this run)",
    ]);
  });
});
