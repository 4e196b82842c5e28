import autocannon from 'autocannon';

export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /** Responses other than 2xx, and connection errors or timeouts: a run with any is not a measurement. */
  readonly failures: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/**
 * autocannon against one URL for `seconds`, `connections` at a time, one request in flight
 * per connection. Latencies are taken per response (autocannon's own table has p90 and
 * p97.5 but no p95), so the percentiles are exact over the run.
 */
export async function load(options: {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly connections: number;
  readonly seconds: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        headers: options.headers,
        connections: options.connections,
        pipelining: 1,
        duration: options.seconds,
        timeout: 30,
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / options.seconds,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
