import type { Server } from 'node:http';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from './listen.ts';

// Loopback only: 127.0.0.0/8 is all local, so each /24 in it is a network of its own to the server.
const ATTACKER = ['127.0.1.1', '127.0.1.2', '127.0.1.3', '127.0.1.4'];
const PER_NETWORK = 4;

let server: Server;
let port: number;

beforeAll(async () => {
  const app = new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .post('/v1/reports', async (c) => c.json({ length: (await c.req.text()).length }, 202));
  await new Promise<void>((resolve) => {
    server = listen(
      app,
      { port: 0, hostname: '127.0.0.1' },
      {
        maxConnections: 100,
        maxConnectionsPerNetwork: PER_NETWORK,
        headersTimeoutMs: 1000,
        requestTimeoutMs: 2000,
        keepAliveTimeoutMs: 1000,
      },
      (listening) => {
        port = listening;
        resolve();
      },
    );
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * A socket from `localAddress` that has sent `bytes` and then goes quiet. `cut` settles when the server gives up on
 * it: it closes the socket, or answers 408 (then closes its side; the client's close may come later).
 */
function slowClient(localAddress: string, bytes: string): Promise<{ socket: Socket; cut: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    const cut = new Promise<void>((settle) => {
      socket.once('close', () => settle());
      socket.on('data', (data) => String(data).startsWith('HTTP/1.1 408') && settle());
    });
    socket.on('error', () => {});
    socket.once('connect', () => {
      socket.write(bytes);
      resolve({ socket, cut });
    });
    socket.once('close', () => reject(new Error('closed before connecting')));
  });
}

function healthz(localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', localAddress, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('listen', () => {
  it('cuts slow headers and endless bodies at their deadlines, caps a network, and still answers /healthz', async () => {
    const slowHeaders = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ';
    const endlessBody = 'POST /v1/reports HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n';
    const held = await Promise.all(
      ATTACKER.map((address, index) => slowClient(address, index % 2 === 0 ? slowHeaders : endlessBody)),
    );
    // Wait until the server has counted all of them, so the next one is over the cap for certain.
    await new Promise<void>((resolve) => {
      const check = () =>
        server.getConnections((_, count) => (count >= PER_NETWORK ? resolve() : setTimeout(check, 20)));
      check();
    });

    // One more from the same /24 is closed at once; another network is served as usual.
    const extra = connect({ host: '127.0.0.1', port, localAddress: '127.0.1.9' });
    extra.on('error', () => {});
    await new Promise<void>((resolve) => extra.once('close', () => resolve()));
    expect(await healthz('127.0.2.1')).toBe(200);

    // Every held socket is cut by the server (headers after 1 s, the body after 2 s; generous test timeout).
    await Promise.all(held.map(({ cut }) => cut));
    for (const { socket } of held) socket.destroy();
    // With the network's slots free again, it is served (once the server has seen the closes).
    let status = 0;
    while (status !== 200) status = await healthz('127.0.1.9').catch(() => 0);
    expect(status).toBe(200);
  });
});
