/**
 * Which address a request counts as coming from, for the per-network rate limit and the network key of a report.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

type Env = { Bindings: Partial<HttpBindings> };

/**
 * @param trustProxy behind one load balancer, the last X-Forwarded-For entry is the one it appended, the only one
 *   that can be trusted; earlier entries are whatever the client sent. Without one the header is ignored.
 * @example clientAddressOf(config.TRUST_PROXY === '1')(c) // '203.0.113.9'
 */
export function clientAddressOf(trustProxy: boolean): (c: Context<Env>) => string {
  const socketAddress = (c: Context<Env>): string => c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (!trustProxy) return socketAddress;
  return (c) => c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || socketAddress(c);
}
