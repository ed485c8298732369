import * as v from 'valibot';

/**
 * A failed valibot parse as one line, `path: what was expected` for each of the first `limit` issues (the bare text
 * for an issue at the root). One format for the server's 400 bodies, the CLI's errors and a status source's failure
 * reason. It never repeats the value that failed: valibot's default messages end "… but received <value>", and these
 * lines reach 400 bodies and logs, where a submitted or third-party value must not; messages the schemas wrote
 * themselves hold no values and are kept as they are.
 * @example describeIssues(v.safeParse(ReportSchema, body).issues) // 'hostHash: expected 64 lowercase hex chars'
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 5): string {
  return issues
    .slice(0, limit)
    .map((issue) => {
      const path = v.getDotPath(issue);
      const isValibotDefault = issue.message.endsWith(`eceived ${issue.received}`);
      const text = isValibotDefault ? `expected ${issue.expected ?? `a valid ${issue.kind}`}` : issue.message;
      return path ? `${path}: ${text}` : text;
    })
    .join('; ');
}
