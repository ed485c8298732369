import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'tests/fixtures/pages');

async function classifyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/cli/launch.mjs', 'classify', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('classify CLI', () => {
  it('prints one JSON line for a Cloudflare 522 with headers', async () => {
    const { code, stdout } = await classifyCli([
      join(PAGES, 'cf-522-host-down.html'),
      '--url',
      'https://shop.example/',
      '--status',
      '522',
      '--header',
      'server: cloudflare',
      '--header',
      'cf-ray: 8f1e2d3c4b5a6978-NRT',
    ]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({
      vendor: 'cloudflare',
      kind: 'origin-error',
      code: 522,
      colo: 'NRT',
      rayId: '8f1e2d3c4b5a6978',
      unconfirmed: false,
    });
  });

  it('marks the same page unconfirmed without headers', async () => {
    const { stdout } = await classifyCli([
      join(PAGES, 'cf-522-host-down.html'),
      '--url',
      'https://shop.example/',
      '--status',
      '522',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'origin-error', unconfirmed: true, colo: null });
  });

  it('reads a plain-text body', async () => {
    const { stdout } = await classifyCli([
      join(PAGES, 'cf-1020-plain.txt'),
      '--url',
      'https://a.example/',
      '--status',
      '403',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ vendor: 'cloudflare', kind: 'blocked', code: 1020 });
  });

  it.each([
    [['--url', 'https://a.example/'], 'exactly one FILE'],
    [['x.html', '--url', 'not a url'], '--url must be an absolute URL'],
    [['x.html', '--url', 'https://a.example/', '--status', 'abc'], '--status must be'],
    [['x.html', '--url', 'https://a.example/', '--bogus'], 'Unknown option'],
    [['x.html', '--url', 'https://a.example/', '--header', 'no colon'], '--header must look like'],
  ])('exits 2 with a clear message on bad arguments %j', async (args, message) => {
    const { code, stderr, stdout } = await classifyCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it('exits 2 on an unreadable file', async () => {
    const { code, stderr } = await classifyCli(['/nonexistent/page.html', '--url', 'https://a.example/']);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read /nonexistent/page.html');
  });
});

describe('corpus CLI', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'culprit-corpus-'));
    await writeFile(
      join(dir, 'ok.html'),
      '<title>x | 522: Connection timed out</title><div id="cf-wrapper"><div id="cf-host-status" class="cf-error-source"></div></div>',
    );
    await writeFile(join(dir, 'normal.html'), '<title>Blog</title><p>Hello</p>');
    const rows = [
      'file\tsource\tkind\thttp_status\texpect_vendor\texpect_kind\tnotes',
      'ok.html\tsynthetic\tcf-5xx\t522\tcloudflare\torigin-error\tmodel of a 522',
      'normal.html\tsynthetic\tnormal\t-\t*\tnone|blocked\tnegative',
      'status.json\tsynthetic\tstatus\t200\t-\t-\tskipped row',
    ];
    await writeFile(join(dir, 'MANIFEST.tsv'), `${rows.join('\n')}\n`);
  });

  it('scores every page and exits 0 when all pass', async () => {
    const { stdout } = await run(process.execPath, ['src/cli/launch.mjs', 'corpus', dir], { cwd: ROOT });
    expect(stdout).toContain('PASS  ok.html');
    expect(stdout).toContain('score: 2/2 pages right (1 non-page rows skipped)');
  });

  it('exits 1 and prints FAIL when a page is classified wrongly', async () => {
    const bad = join(dir, 'bad');
    await run('mkdir', ['-p', bad]);
    await writeFile(join(bad, 'normal.html'), '<title>Blog</title><p>Hello</p>');
    await writeFile(
      join(bad, 'MANIFEST.tsv'),
      'file\tsource\tkind\thttp_status\texpect_vendor\texpect_kind\tnotes\nnormal.html\ts\tk\t200\tcloudflare\tblocked\tn\n',
    );
    const result = await run(process.execPath, ['src/cli/launch.mjs', 'corpus', bad], { cwd: ROOT }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stdout: string }).stdout).toContain('FAIL  normal.html');
  });

  it('exits 2 on a malformed manifest', async () => {
    const broken = join(dir, 'broken');
    await run('mkdir', ['-p', broken]);
    await writeFile(join(broken, 'MANIFEST.tsv'), 'wrong\theader\n');
    const result = await run(process.execPath, ['src/cli/launch.mjs', 'corpus', broken], { cwd: ROOT }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(result).toMatchObject({ code: 2 });
    expect((result as { stderr: string }).stderr).toContain('MANIFEST.tsv header must start with');
  });
});
