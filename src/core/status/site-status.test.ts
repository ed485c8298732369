import { describe, expect, it } from 'vitest';
import { fetchSiteStatus } from './site-status.ts';
import type { SourceResult, StatusSource } from './types.ts';

const answering = (result: SourceResult) => {
  const asked: string[] = [];
  const get = async (source: StatusSource) => (asked.push(source.kind === 'http' ? source.url : source.id), result);
  return { get, asked };
};
const failed: SourceResult = { state: 'failed', reason: 'network error: getaddrinfo ENOTFOUND', ms: 4 };

describe('fetchSiteStatus', () => {
  it('reads a missing status.<domain> as "no status page", not a failed source', async () => {
    const { get, asked } = answering(failed);
    expect(await fetchSiteStatus(get, 'example.org')).toMatchObject({
      state: 'skipped',
      reason: expect.stringContaining('status.example.org'),
    });
    expect(asked).toEqual(['https://status.example.org/api/v2/status.json']);
  });

  it('keeps a failure of a known status page a failure', async () => {
    const { get } = answering(failed);
    expect(await fetchSiteStatus(get, 'github.com')).toEqual(failed);
  });

  it('passes an answer through', async () => {
    const ok = { state: 'timeout', reason: 'no answer within 3000 ms', ms: 3000 } as const;
    expect(await fetchSiteStatus(answering(ok).get, 'openai.com')).toEqual(ok);
  });
});
