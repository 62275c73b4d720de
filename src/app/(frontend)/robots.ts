import type { MetadataRoute } from 'next'

import { absoluteUrl, urls } from '@/lib/urls'

// SERVER_URL is a runtime setting (one image serves any host), so robots.txt is not prerendered.
export const dynamic = 'force-dynamic'

/** Crawl everything public; never the admin, the APIs or draft previews. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/preview'] },
    sitemap: absoluteUrl(urls.sitemapIndex()),
  }
}
