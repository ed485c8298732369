/**
 * Starting the HTTP listeners with limits that keep one client from holding the service's connections: a global
 * connection cap, a cap per client network (network-key.ts), and deadlines in seconds for the headers and for the
 * whole request including its body, checked every second (Node's default check runs every 30 s).
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { networkOf } from './network-key.ts';

export interface ConnectionLimits {
  /** Connections open at once; Node closes any beyond this at once. */
  maxConnections: number;
  /** Connections open at once from one network; 0 turns the cap off (behind a load balancer, every peer is it). */
  maxConnectionsPerNetwork: number;
  /** A request's headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this: the body read deadline. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

/** How often Node looks for requests past their deadline; the deadlines above are only as sharp as this. */
const DEADLINE_CHECK_MS = 1000;

/**
 * @example const server = listen(app, { port: 8787, hostname: '127.0.0.1' }, limits, (port) => log(port));
 */
export function listen(
  app: { fetch: Parameters<typeof serve>[0]['fetch'] },
  address: { port: number; hostname: string },
  limits: ConnectionLimits,
  onListening?: (port: number) => void,
): Server {
  const server = serve(
    {
      fetch: app.fetch,
      ...address,
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: DEADLINE_CHECK_MS,
      },
    },
    (info) => onListening?.(info.port),
  ) as Server;
  server.maxConnections = limits.maxConnections;
  if (limits.maxConnectionsPerNetwork > 0) capPerNetwork(server, limits.maxConnectionsPerNetwork);
  return server;
}

function capPerNetwork(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const network = networkOf(socket.remoteAddress ?? 'unknown');
    const count = (open.get(network) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(network, count);
    socket.once('close', () => {
      const left = (open.get(network) ?? 1) - 1;
      if (left === 0) open.delete(network);
      else open.set(network, left);
    });
  });
}
