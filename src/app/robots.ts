import type { MetadataRoute } from 'next'

import { absoluteUrl, urls } from '@/lib/urls'

// SERVER_URL is a runtime setting (one image serves any host), so robots.txt is not prerendered.
export const dynamic = 'force-dynamic'

/**
 * robots.txt: crawl everything public; never the admin, the APIs or draft previews. Next serves
 * metadata files only from the top of `app/`, not from inside a route group, hence here rather
 * than in (frontend).
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/next/'] },
    sitemap: absoluteUrl(urls.sitemapIndex()),
  }
}
