/**
 * `npm run --silent classify -- FILE --url URL --status N [--header "name: value"]...`
 * Prints one JSON line (the Detection). Exit 2 on bad arguments or an unreadable file.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { parseHeaderLines } from '../core/detect/index.ts';
import { describeIssues } from '../core/validation-issues.ts';
import { classifyFile } from './classify-file.ts';

const USAGE = 'usage: classify FILE --url URL [--status N] [--header "name: value"]...';

const ArgsSchema = v.object({
  file: v.pipe(v.string(), v.minLength(1, 'FILE is required')),
  url: v.pipe(v.string('--url is required'), v.url('--url must be an absolute URL')),
  status: v.nullable(
    v.pipe(
      v.string(),
      v.regex(/^\d{3}$/, '--status must be a 3-digit HTTP status'),
      v.transform(Number),
      v.minValue(100, '--status must be 100–599'),
      v.maxValue(599, '--status must be 100–599'),
    ),
  ),
  headers: v.nullable(v.array(v.pipe(v.string(), v.includes(':', '--header must look like "name: value"')))),
});

function fail(message: string): never {
  process.stderr.write(`classify: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length !== 1) fail('exactly one FILE is required');
  const result = v.safeParse(ArgsSchema, {
    file: parsed.positionals[0],
    url: parsed.values.url,
    status: parsed.values.status ?? null,
    headers: parsed.values.header ?? null,
  });
  if (!result.success) fail(describeIssues(result.issues, Infinity));
  const { file, url, status, headers } = result.output;
  const headerList = headers ? parseHeaderLines(headers) : null;
  try {
    const warn = (message: string) => process.stderr.write(`classify: ${message}\n`);
    const detection = await classifyFile({ file, url, status, headers: headerList, warn });
    process.stdout.write(`${JSON.stringify(detection)}\n`);
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const OPTIONS = {
  url: { type: 'string' },
  status: { type: 'string' },
  header: { type: 'string', multiple: true },
} as const;

await main();
