import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Starts tests/helpers/payloadApiServer.ts in a process of its own with `env` (added to this
 * process's environment): another app instance, sharing only what the env points it at (the
 * database, the object store). Resolves once it listens; `stop` ends it (SIGTERM, then SIGKILL).
 */
export const startPayloadApiProcess = async ({
  env,
  timeoutMs = 90_000,
}: {
  env: Record<string, string>
  timeoutMs?: number
}): Promise<{ origin: string; pid: number; stop: () => Promise<void> }> => {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'tests/helpers/payloadApiServer.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        // Lexical's top-level await is reliable in plain Node with this condition (STACK-NOTES).
        NODE_OPTIONS: '--no-deprecation --conditions=development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const gone = await Promise.race([
      exited.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
    ])
    if (!gone) child.kill('SIGKILL')
  }
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the API process did not listen within ${timeoutMs / 1000} s`)),
        timeoutMs,
      )
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk
        const ready = /^\{"port":(\d+)\}$/m.exec(output)
        if (ready) {
          clearTimeout(timer)
          resolve(Number(ready[1]))
        }
      })
      child.stderr.on('data', (chunk: Buffer) => (output += chunk))
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`the API process exited (${code}):\n${output.slice(-4000)}`))
      })
    })
    return { origin: `http://127.0.0.1:${port}`, pid: child.pid!, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
