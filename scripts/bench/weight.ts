/**
 * Page weight as a browser receives it: the HTML and every script it loads, with the bytes that
 * came over the wire (compressed by whoever answers: nginx in production, Next without a proxy),
 * images left out. Used by the benchmark (run.ts); also runs alone:
 *
 *   npx tsx scripts/bench/weight.ts http://127.0.0.1:8080/en/articles/some-slug
 *
 * prints each resource with its size as sent, and gzip / brotli sizes for comparison.
 */
import http from 'node:http'
import https from 'node:https'
import {
  brotliCompressSync,
  constants,
  gunzipSync,
  brotliDecompressSync,
  inflateSync,
} from 'node:zlib'

/** What Chromium asks for; the answer's Content-Encoding says what the server chose. */
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd'

export type Transfer = {
  url: string
  status: number
  /** body bytes as sent (after Content-Encoding, without headers) */
  bytes: number
  /** the body decoded */
  body: Buffer
  encoding: string
}

/** GETs a URL as a browser would and counts the body's bytes as they arrive. */
export const transfer = (url: string, headers: Record<string, string> = {}) =>
  new Promise<Transfer>((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http
    const request = client.get(
      url,
      { headers: { 'accept-encoding': ACCEPT_ENCODING, ...headers } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const raw = Buffer.concat(chunks)
          const encoding = String(response.headers['content-encoding'] ?? 'identity')
          try {
            const body =
              encoding === 'gzip'
                ? gunzipSync(raw)
                : encoding === 'br'
                  ? brotliDecompressSync(raw)
                  : encoding === 'deflate'
                    ? inflateSync(raw)
                    : raw
            resolve({ url, status: response.statusCode ?? 0, bytes: raw.length, body, encoding })
          } catch (error) {
            reject(error)
          }
        })
      },
    )
    request.on('error', reject)
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: ${url}`)))
  })

/**
 * `<script src>` of a page, in document order, each once. `nomodule` scripts (Next's polyfills
 * for browsers without ES modules) are left out: browsers that run modules do not download them
 * (Lighthouse's network log of the article page confirms it).
 */
export const scriptSources = (html: string) => [
  ...new Set(
    [...html.matchAll(/<script\b[^>]*>/gi)]
      .map((m) => m[0])
      .filter((tag) => !/\snomodule\b/i.test(tag))
      .map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1])
      .filter((src): src is string => Boolean(src)),
  ),
]

export type PageWeight = {
  html: Transfer
  scripts: Transfer[]
  htmlKb: number
  jsKb: number
  totalKb: number
  /** the encodings the server chose (e.g. "gzip"), or "identity" */
  encodings: string[]
}

/** The page's HTML and scripts as sent by `base` (images, CSS and fonts left out). */
export const pageWeight = async (
  base: string,
  pagePath: string,
  headers: Record<string, string> = {},
): Promise<PageWeight> => {
  const html = await transfer(new URL(pagePath, base).href, headers)
  if (html.status !== 200) throw new Error(`${pagePath}: HTTP ${html.status}`)
  const scripts = await Promise.all(
    scriptSources(html.body.toString()).map((src) => transfer(new URL(src, base).href, headers)),
  )
  const bad = scripts.find((s) => s.status !== 200)
  if (bad) throw new Error(`${bad.url}: HTTP ${bad.status}`)
  const jsBytes = scripts.reduce((sum, s) => sum + s.bytes, 0)
  return {
    html,
    scripts,
    htmlKb: html.bytes / 1024,
    jsKb: jsBytes / 1024,
    totalKb: (html.bytes + jsBytes) / 1024,
    encodings: [...new Set([html, ...scripts].map((t) => t.encoding))],
  }
}

const brotliSize = (body: Buffer) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

// Run alone: print the breakdown.
if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2]
  if (!target) {
    console.error('usage: tsx scripts/bench/weight.ts <page URL>')
    process.exit(2)
  }
  const url = new URL(target)
  const weight = await pageWeight(url.origin, url.pathname + url.search)
  const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} KB`
  const { gzipSync } = await import('node:zlib')
  console.log(
    `${'resource'.padEnd(70)} ${'as sent'.padStart(10)} enc   ${'raw'.padStart(10)} ${'gzip-9'.padStart(10)} ${'brotli'.padStart(10)}`,
  )
  for (const t of [weight.html, ...weight.scripts]) {
    console.log(
      `${t.url.replace(url.origin, '').slice(0, 70).padEnd(70)} ${kb(t.bytes)} ${t.encoding.padEnd(5)} ${kb(t.body.length)} ${kb(gzipSync(t.body, { level: 9 }).length)} ${kb(brotliSize(t.body))}`,
    )
  }
  console.log(
    `total: HTML ${weight.htmlKb.toFixed(1)} KB + ${weight.scripts.length} scripts ${weight.jsKb.toFixed(1)} KB = ${weight.totalKb.toFixed(1)} KB (${weight.encodings.join(', ')})`,
  )
}
