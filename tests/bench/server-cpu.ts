/**
 * CPU time per request, by process, for server.bench.ts: where a request's cost goes (the server process, the
 * PostgreSQL backends, the load generator in this process). Read from /proc, so Linux only; elsewhere it reports
 * nothing rather than guessing. The machine's total busy time is included to show how much other work was running.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 10_000; // USER_HZ = 100 on Linux

interface CpuSample {
  server: number;
  postgres: number;
  generator: number;
  machineBusy: number;
}

function ticksOf(pid: string | number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0; // exited between listing and reading
  }
}

function postgresTicks(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) total += ticksOf(pid);
    } catch {
      // gone
    }
  }
  return total;
}

function machineBusyTicks(): number {
  // First line: "cpu user nice system idle iowait irq softirq …", summed over all CPUs.
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user! + nice! + system! + irq! + softirq!;
}

/** A snapshot to diff later; null where /proc is missing. */
export function sampleCpu(serverPid: number | undefined): CpuSample | null {
  try {
    const usage = process.cpuUsage();
    return {
      server: serverPid === undefined ? 0 : ticksOf(serverPid) * TICK_US,
      postgres: postgresTicks() * TICK_US,
      generator: usage.user + usage.system,
      machineBusy: machineBusyTicks() * TICK_US,
    };
  } catch {
    return null;
  }
}

/** "CPU µs/req: server 38, PostgreSQL 25, autocannon 27, machine 130" between two samples. */
export function describeCpu(before: CpuSample | null, after: CpuSample | null, requests: number): string {
  if (before === null || after === null || requests === 0) return '';
  const per = (key: keyof CpuSample) => Math.round((after[key] - before[key]) / requests);
  const postgres = per('postgres') > 0 ? `, PostgreSQL ${per('postgres')}` : '';
  return `CPU µs/req: server ${per('server')}${postgres}, autocannon ${per('generator')}, whole machine ${per('machineBusy')}`;
}
