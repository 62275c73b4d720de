import { describe, expect, it } from 'vitest'

import { siteOrigin, trustedOrigins } from '@/lib/origins'

describe('trusted origins (CSRF and CORS)', () => {
  it('trusts the site’s own origin, as a browser sends it', () => {
    expect(siteOrigin({})).toBe('http://localhost:3000')
    expect(siteOrigin({ SERVER_URL: 'https://news.example/' })).toBe('https://news.example')
    expect(siteOrigin({ SERVER_URL: 'https://News.Example:8443/cms' })).toBe(
      'https://news.example:8443',
    )
    expect(trustedOrigins({ SERVER_URL: 'https://news.example' })).toEqual(['https://news.example'])
  })

  it('adds the origins of TRUSTED_ORIGINS, once each', () => {
    expect(
      trustedOrigins({
        SERVER_URL: 'https://news.example',
        TRUSTED_ORIGINS: 'https://www.news.example/, http://localhost:8080 https://news.example',
      }),
    ).toEqual(['https://news.example', 'https://www.news.example', 'http://localhost:8080'])
  })

  it('refuses to start on an origin that is not an http(s) URL, naming the variable', () => {
    expect(() => trustedOrigins({ TRUSTED_ORIGINS: 'news.example' })).toThrow(
      'TRUSTED_ORIGINS: "news.example" is not a URL',
    )
    expect(() => trustedOrigins({ TRUSTED_ORIGINS: 'ftp://news.example' })).toThrow(
      'TRUSTED_ORIGINS: "ftp://news.example" is not an http(s) URL',
    )
    expect(() => siteOrigin({ SERVER_URL: 'localhost:3000' })).toThrow('SERVER_URL')
  })
})
