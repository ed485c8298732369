import * as v from 'valibot';

/**
 * A failed valibot parse as one line, `path: message` for each of the first `limit` issues (the bare message for an
 * issue at the root). One format for the server's 400 bodies, the CLI's errors and a status source's failure reason.
 * @example describeIssues(v.safeParse(ReportSchema, body).issues) // 'hostHash: expected 64 lowercase hex chars'
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 5): string {
  return issues
    .slice(0, limit)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
