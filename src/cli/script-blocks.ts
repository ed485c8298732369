/**
 * Rewrites the text of every `<script …>…</script>` block in one left-to-right pass. A single regex
 * (`<script\b[^>]*>[\s\S]*?<\/script\s*>`) retries from every opener that never closes and rescans the rest of the
 * input each time, so 10^5 unclosed `<script` openers cost 10^10 steps; here every search starts where the last one
 * stopped, so the work is linear in the input.
 */

/**
 * @example mapScriptBodies('<script>a<b</script>', (body) => body.replace(/</g, '< ')) // '<script>a< b</script>'
 */
export function mapScriptBodies(html: string, mapBody: (body: string) => string): string {
  const OPENER = /<script\b/gi;
  const CLOSER = /<\/script\s*>/gi;
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (let opener = OPENER.exec(html); opener !== null; opener = OPENER.exec(html)) {
    const openerEnd = html.indexOf('>', opener.index);
    // No `>` after this opener means none after any later one either.
    if (openerEnd === -1) break;
    CLOSER.lastIndex = openerEnd + 1;
    const closer = CLOSER.exec(html);
    // Likewise, no closer here means no later block can close.
    if (closer === null) break;
    parts.push(html.slice(copiedUpTo, openerEnd + 1), mapBody(html.slice(openerEnd + 1, closer.index)));
    copiedUpTo = closer.index;
    OPENER.lastIndex = CLOSER.lastIndex;
  }
  parts.push(html.slice(copiedUpTo));
  return parts.join('');
}
