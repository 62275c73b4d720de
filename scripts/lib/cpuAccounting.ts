import { readFileSync } from 'node:fs'

/** CPU seconds (user + system) a process has used so far, from /proc; null when unreadable. */
export const processCpuSeconds = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

/**
 * CPU time spent by this process and by the database backends that did its work, from the
 * moment it is created: `noteBackend` with each backend's pid when it is first used (the
 * importer's `onConnection`), `read()` at the end. The database's share is read from /proc, so
 * it is null when the database runs on another machine (or a backend could not be read).
 */
export const cpuAccounting = () => {
  const atStart = process.cpuUsage()
  /** backend pid → its CPU seconds when first used */
  const backends = new Map<number, number | null>()
  return {
    noteBackend: (pid: number) => {
      if (!backends.has(pid)) backends.set(pid, processCpuSeconds(pid))
    },
    read: (): { importer: number; database: number | null } => {
      const cpu = process.cpuUsage(atStart)
      let database: number | null = 0
      for (const [pid, start] of backends) {
        const now = processCpuSeconds(pid)
        database =
          database === null || now === null || start === null ? null : database + now - start
      }
      return { importer: (cpu.user + cpu.system) / 1e6, database }
    },
  }
}
