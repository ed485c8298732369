import * as v from 'valibot';

/**
 * One line naming each failing field, for the 400 body. Never echoes the input value back.
 * @example describeIssues(v.safeParse(ReportSchema, body).issues) // 'hostHash: expected 64 lowercase hex chars'
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
