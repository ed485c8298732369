import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeIssues } from './validation-issues.ts';

const issuesOf = (schema: v.GenericSchema, input: unknown) => {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) throw new Error('expected the parse to fail');
  return parsed.issues;
};

describe('describeIssues', () => {
  it('names the field and what was expected, never the value that failed', () => {
    const schema = v.object({ kind: v.picklist(['origin-error', 'edge-error']), count: v.number() });
    const line = describeIssues(issuesOf(schema, { kind: 'SECRET-7777', count: 'also-SECRET' }));
    expect(line).toMatch(/^kind: expected .*origin-error.*; count: expected number$/);
    expect(line).not.toMatch(/SECRET|7777|received/);
  });

  it("keeps a schema's own message, which holds no value", () => {
    const schema = v.object({ hostHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex')) });
    expect(describeIssues(issuesOf(schema, { hostHash: 'XYZ' }))).toBe('hostHash: expected 64 lowercase hex');
  });

  it('keeps at most `limit` issues, and a root issue has no path', () => {
    const schema = v.object({ a: v.string(), b: v.string(), c: v.string() });
    expect(describeIssues(issuesOf(schema, {}), 2).split('; ')).toHaveLength(2);
    expect(describeIssues(issuesOf(v.string(), 5))).toBe('expected string');
  });
});
