import { withPayload } from '@payloadcms/next/withPayload'
import createNextIntlPlugin from 'next-intl/plugin'

/** next-intl: the public site's UI strings per language (src/i18n). */
const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

const isDev = process.env.NODE_ENV !== 'production'
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
  // Part of the server's memory budget (README, "Memory").
  cacheMaxMemorySize: (Number(process.env.NEXT_CACHE_MAX_MEMORY_MB) || 50) * 1024 * 1024,
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
