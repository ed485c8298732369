/**
 * The part of autocannon 9 that server.bench.ts uses. Declared here instead of adding @types/autocannon for one call.
 */
declare module 'autocannon' {
  interface BenchRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: BenchRequest) => BenchRequest;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    requests?: BenchRequest[];
  }
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    /** `total`: requests completed in the run. */
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
