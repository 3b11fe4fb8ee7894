/** CPU time of the processes a bench starts, read from /proc (Linux), for "CPU ms per dossier" lines. */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds a process has used (user + system, from /proc; 0 once it is gone), with its exited children's when asked. */
export function cpuSeconds(pid: number | undefined, withChildren = false): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based), in clock ticks of 1/100 s.
    const ticks =
      Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks / 100;
  } catch {
    return 0;
  }
}

/** Postgres: the postmaster listening on `port` (with its exited backends) and its live backends. */
export function postgresCpuSeconds(port: string): number {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const cmd = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return [];
    }
  };
  const master = pids.find((p) => {
    const c = cmd(p);
    return c[0]?.endsWith('/postgres') && c.includes('-p') && c[c.indexOf('-p') + 1] === port;
  });
  if (!master) return 0;
  const children = pids.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1] === master;
    } catch {
      return false;
    }
  });
  return cpuSeconds(Number(master), true) + children.reduce((n, p) => n + cpuSeconds(Number(p)), 0);
}
