/** The part of a Standard Schema issue we read; declared here rather than importing a transitive package. */
interface Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/**
 * One line naming each failing field, for the 400 body. Never echoes the input value back.
 * @example describeIssues(issues) // 'hostHash: expected 64 lowercase hex chars'
 */
export function describeIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
