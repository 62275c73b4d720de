import { withPayload } from '@payloadcms/next/withPayload'
import createNextIntlPlugin from 'next-intl/plugin'

/** next-intl: the public site's UI strings per language (src/i18n). */
const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
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
