import path from 'node:path'

import { withPayload } from '@payloadcms/next/withPayload'
import createNextIntlPlugin from 'next-intl/plugin'

/** next-intl: the public site's UI strings per language (src/i18n). */
const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

const isDev = process.env.NODE_ENV !== 'production'
/**
 * With REDIS_URL, the data cache and rendered pages live in Redis, shared by every instance
 * (src/cache/nextCacheHandler.mjs), and none in the server's memory. Without it, each server
 * keeps its own in memory: one instance, `npm run dev`, the tests. `next start` reads this file
 * when it starts; a standalone build (the container image) keeps what it was built with, so the
 * image is built with SHARED_CACHE=redis and needs REDIS_URL when it runs.
 */
const sharedCache = Boolean(process.env.REDIS_URL) || process.env.SHARED_CACHE === 'redis'
const s3Origin =
  process.env.S3_BUCKET && process.env.S3_ENDPOINT ? new URL(process.env.S3_ENDPOINT).origin : ''

/**
 * Content-Security-Policy for the site and the admin. Next.js and Payload's admin inline their
 * bootstrapping scripts and styles, so 'unsafe-inline' stays for those two (nonces would make
 * every page dynamic); everything else is this origin only, nothing may frame the site but
 * itself (the admin's live preview), and plugins and <base> tricks are off. Development adds
 * what React's refresh needs.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: https://www.gravatar.com${s3Origin ? ` ${s3Origin}` : ''}`,
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "frame-ancestors 'self'",
  "frame-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
]

/**
 * Files that are pages, layouts and routes. A build for the benchmark (`BENCH_REFERENCE_PAGES=true`,
 * set by `npm run bench`) also takes `*.bench.tsx`: the reference pages it measures against
 * (`src/app/(frontend)/next/reference/`), which no other build contains.
 */
const pageExtensions = ['tsx', 'ts', 'jsx', 'js']
if (process.env.BENCH_REFERENCE_PAGES === 'true') pageExtensions.push('bench.tsx')

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions,
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // The data cache and rendered pages kept in this server's memory (least recently used go
  // first), in bytes: Next's default of 50 MB unless NEXT_CACHE_MAX_MEMORY_MB says otherwise.
  // Part of the server's memory budget (README, "Memory"). None with the shared cache: a copy
  // in memory would not see another instance's revalidation.
  cacheMaxMemorySize: sharedCache
    ? 0
    : (Number(process.env.NEXT_CACHE_MAX_MEMORY_MB) || 50) * 1024 * 1024,
  cacheHandler: sharedCache
    ? path.join(import.meta.dirname, 'src/cache/nextCacheHandler.mjs')
    : undefined,
  // Security headers on every response: public pages, the admin and the API.
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
  // `npm run typecheck` (tsc --noEmit) checks types once, in CI and before commits; the build
  // does not repeat it.
  typescript: { ignoreBuildErrors: true },
  images: {
    // Media are served by Payload from /api/media/file/... (local disk or S3 through Payload).
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
  experimental: {
    // The data cache (unstable_cache, tagged, expired by the collection hooks) lives in each
    // server's memory: a restart or a new build never serves entries shaped by older code or read
    // from another database. Several instances share a cache through a cache handler instead.
    isrFlushToDisk: false,
  },
  turbopack: {
    root: import.meta.dirname,
  },
}

export default withPayload(withNextIntl(nextConfig), { devBundleServerPackages: false })
