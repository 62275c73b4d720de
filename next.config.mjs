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
  turbopack: {
    root: import.meta.dirname,
  },
}

export default withPayload(withNextIntl(nextConfig), { devBundleServerPackages: false })
