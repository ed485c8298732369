/**
 * The one shape of `fetch` that core code takes as a parameter: the browser's global `fetch`, undici's in the CLI, or
 * a test double all fit it. Core never calls a global `fetch` itself, so the caller decides what goes on the network.
 */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;
