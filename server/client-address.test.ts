import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.ts';
import { networkOf } from './network-key.ts';

async function addressSeen(trustProxy: boolean, headers: Record<string, string>): Promise<string> {
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>().get('/', (c) => c.text(clientAddressOf(trustProxy)(c)));
  return (await app.request('/', { headers })).text();
}

describe('clientAddressOf', () => {
  it('behind a load balancer takes the entry it appended (the last), not what the client wrote before it', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.7, 10.9.9.9 , 203.0.113.9' };
    expect(await addressSeen(true, headers)).toBe('203.0.113.9');
    expect(networkOf(await addressSeen(true, headers))).toBe('203.0.113.0/24');
    expect(networkOf(await addressSeen(true, { 'x-forwarded-for': '2001:db8:1:2ff::9' }))).toBe('2001:db8:1:200::/56');
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    expect(await addressSeen(false, { 'x-forwarded-for': '203.0.113.9' })).toBe('unknown');
    expect(await addressSeen(true, { 'x-forwarded-for': ' ' })).toBe('unknown');
  });
});
