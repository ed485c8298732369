/**
 * PGlite's Node filesystem with the fsync PostgreSQL asks for. PGlite 0.5 starts PostgreSQL with `-F` (fsync off),
 * and even with fsync on its Emscripten layer turns every fsync into nothing: NODEFS has no `fsync` stream operation
 * and `fdatasync` is a stub. So a commit reached the page cache only, and an OS crash or power cut could lose reports
 * already answered 202. Here PostgreSQL runs with fsync on and `wal_sync_method=fsync` (the one call that reaches
 * the filesystem layer), and NODEFS gets an `fsync` that calls the real one on the file's descriptor.
 */
import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type PostgresMod = Parameters<NodeFS['init']>[1];

/** The part of Emscripten's NODEFS this touches; its types do not describe stream operations. */
interface NodeFsInternals {
  stream_ops: { fsync?: (stream: { nfd?: number }) => number };
}

class SyncedNodeFS extends NodeFS {
  /** @param onSync called after each real fsync, so a test can see that a commit waited for one. */
  constructor(
    dataDir: string,
    private readonly onSync: () => void = () => {},
  ) {
    super(dataDir);
  }

  override async init(pg: PGlite, options: PostgresMod): Promise<{ emscriptenOpts: PostgresMod }> {
    const result = await super.init(pg, options);
    const addFsync = (mod: PostgresMod): void => {
      const nodeFs = mod.NODEFS as unknown as NodeFsInternals;
      nodeFs.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        this.onSync();
        return 0;
      };
    };
    result.emscriptenOpts.preRun = [...(result.emscriptenOpts.preRun ?? []), addFsync];
    return result;
  }
}

/**
 * PGlite's own start parameters without `-F`, and the WAL flushed with fsync (fdatasync is a no-op in Emscripten).
 * Read from PGlite rather than copied, so an upgrade's other defaults carry over.
 */
function durableStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams;
  if (!defaults?.includes('-F')) throw new Error('PGlite start parameters changed: check fsync before upgrading');
  return [...defaults.filter((parameter) => parameter !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
}

/** Options for a PGlite that syncs each commit to disk in `dataDir`. */
export function durablePgliteOptions(dataDir: string, onSync?: () => void): PGliteOptions {
  return { fs: new SyncedNodeFS(dataDir, onSync), startParams: durableStartParams() };
}
