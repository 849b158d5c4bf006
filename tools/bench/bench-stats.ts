/** Small helpers for hand-run benchmarks: timing, percentiles, printing. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export interface Throughput {
  events: number;
  seconds: number;
  perSecond: number;
  p50Ms?: number;
  p99Ms?: number;
}

export async function timed(events: number, work: () => Promise<number[] | void>): Promise<Throughput> {
  const start = process.hrtime.bigint();
  const latencies = (await work()) ?? [];
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    events,
    seconds,
    perSecond: events / seconds,
    ...(sorted.length ? { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) } : {}),
  };
}

/** Runs `writers` workers that each call `once` until `total` calls were made; returns each call's latency. */
export async function concurrently(writers: number, total: number, once: (index: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let index = next++; index < total; index = next++) {
        const start = process.hrtime.bigint();
        await once(index);
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  return latencies;
}

export function describe(result: Throughput): string {
  const latency = result.p50Ms !== undefined ? `, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms?.toFixed(2)} ms` : '';
  return `${Math.round(result.perSecond).toLocaleString('en-US')} events/s (${result.events.toLocaleString('en-US')} in ${result.seconds.toFixed(1)} s${latency})`;
}
