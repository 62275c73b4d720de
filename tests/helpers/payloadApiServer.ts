/**
 * A second app instance for the tests, in a process of its own: Payload's REST handler (what
 * `/api/*` runs in the Next route) with the project's config, over HTTP on 127.0.0.1 (a free
 * port). It reads everything from its environment, as an instance does (DATABASE_URL,
 * PAYLOAD_SECRET, MEDIA_DIR, S3_*), and prints `{"port":n}` on stdout once it listens.
 * Started by tests/helpers/payloadApiProcess.ts; stops on SIGTERM.
 */
import http from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

import { getPayload, handleEndpoints } from 'payload'

import config from '@payload-config'

await getPayload({ config })

const toRequest = (req: http.IncomingMessage, origin: string) => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value ? [value] : []) headers.append(name, one)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(`${origin}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Node's fetch wants this for a streamed body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
}

const server = http.createServer(async (req, res) => {
  try {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const response = await handleEndpoints({
      config,
      request: toRequest(req, `http://127.0.0.1:${port}`),
    })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    if (response.body && req.method !== 'HEAD') {
      Readable.fromWeb(response.body as NodeReadableStream).pipe(res)
    } else {
      res.end()
    }
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
  }
})

server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }))
})

process.once('SIGTERM', () => {
  server.close()
  process.exit(0)
})
