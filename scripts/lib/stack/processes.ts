import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, type WriteStream } from 'node:fs'
import path from 'node:path'

export type ManagedProcess = {
  name: string
  /** the OS process id, while it runs */
  pid: () => number | undefined
  running: () => boolean
  /** the exit code, once it has exited (null when a signal ended it) */
  exitCode: () => number | null
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited */
  stop: (graceMs?: number) => Promise<void>
  /** `kill -9`: no goodbye */
  kill: () => Promise<void>
  exited: () => Promise<void>
}

/**
 * Starts one process of the stack with its output in `logDir/<name>.log` and, when `echo` is
 * set, also on this terminal with its name before each line.
 */
export const startProcess = ({
  name,
  command,
  args,
  env,
  cwd,
  logDir,
  echo = false,
}: {
  name: string
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  logDir: string
  echo?: boolean
}): ManagedProcess => {
  const log: WriteStream = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' })
  const proc: ChildProcess = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = `\x1b[35m[${name}]\x1b[0m `
  const forward = (chunk: Buffer) => {
    log.write(chunk)
    if (echo) {
      const lines = chunk.toString('utf8').split('\n').filter(Boolean)
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`)
    }
  }
  proc.stdout?.on('data', forward)
  proc.stderr?.on('data', forward)
  const done = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      log.end()
      resolve()
    }),
  )
  const running = () => proc.exitCode === null && proc.signalCode === null
  const stop = async (graceMs = 10_000) => {
    if (!running()) return
    proc.kill('SIGTERM')
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs)
    await done
    clearTimeout(timer)
  }
  return {
    name,
    pid: () => proc.pid,
    running,
    exitCode: () => proc.exitCode,
    stop,
    kill: async () => {
      if (!running()) return
      proc.kill('SIGKILL')
      await done
    },
    exited: () => done,
  }
}

/** Waits until `url` answers 200, or fails after `timeoutMs` or when `proc` exits. */
export const waitForOk = async (url: string, proc: ManagedProcess, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!proc.running()) throw new Error(`${proc.name} exited before ${url} answered`)
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) })
      .then((response) => response.ok)
      .catch(() => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} (${proc.name}) did not answer 200 within ${timeoutMs / 1000} s`)
}
