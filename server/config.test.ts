import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('needs no configuration at all', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 8787, DATA_DIR: './data', RETENTION_DAYS: 8 });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and the database URL', () => {
    expect(parseConfig({ PORT: '9000', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({
      PORT: 9000,
      DATABASE_URL: 'postgres://u@h/db',
    });
  });

  it('names every bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT.*DATABASE_URL/);
  });
});
