import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

const waitForServer = async (url: string, server: ChildProcess, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/**
 * The production build under `next start` on 127.0.0.1:`port` with `env`, answered once `ready`
 * (a path) answers 200. `onOutput` receives what it prints on stdout (its log), which is otherwise
 * dropped. Returns the function that stops it.
 */
export const startNextServer = async ({
  port,
  env,
  ready = '/',
  onOutput,
}: {
  port: number
  env: NodeJS.ProcessEnv
  ready?: string
  onOutput?: (text: string) => void
}): Promise<{ stop: () => Promise<void> }> => {
  const server = spawn(
    path.join(root, 'node_modules', '.bin', 'next'),
    ['start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: root,
      env: {
        ...env,
        NODE_ENV: 'production',
        // The Lexical workaround is for plain Node; the built server does not need it.
        NODE_OPTIONS: '--no-deprecation',
      },
      stdio: ['ignore', onOutput ? 'pipe' : 'ignore', 'inherit'],
    },
  )
  server.stdout?.on('data', (chunk: Buffer) => onOutput?.(chunk.toString('utf8')))
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
  }
  try {
    await waitForServer(`http://127.0.0.1:${port}${ready}`, server)
  } catch (error) {
    await stop()
    throw error
  }
  return { stop }
}
