import { describe, expect, it } from 'vitest';
import { codeForStatus, describeError } from './respond.ts';

describe('describeError', () => {
  it('keeps the message and drops what drivers attach (statement parameters)', () => {
    const error = Object.assign(new Error('duplicate key'), { params: [['a379a6f6eeaf-secret-host-hash']] });
    const described = describeError(error);
    expect(described).toContain('duplicate key');
    expect(described).not.toContain('secret-host-hash');
    expect(describeError('plain')).toBe('plain');
  });
});

describe('codeForStatus', () => {
  it('maps statuses to envelope codes', () => {
    expect([400, 404, 413, 429, 503, 500].map(codeForStatus)).toEqual([
      'bad_request',
      'not_found',
      'too_large',
      'rate_limited',
      'unavailable',
      'internal',
    ]);
  });
});
