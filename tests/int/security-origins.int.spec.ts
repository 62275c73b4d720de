import { describe, expect, it } from 'vitest'

import { sessionCookieSecure, siteOrigin, trustedOrigins } from '@/lib/origins'

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

describe('the session cookie’s Secure flag', () => {
  it('is set for an https site, in development and production alike', () => {
    expect(sessionCookieSecure({ SERVER_URL: 'https://news.example' })).toBe(true)
    expect(
      sessionCookieSecure({ SERVER_URL: 'https://news.example', NODE_ENV: 'production' }),
    ).toBe(true)
  })

  it('is set in production on plain http to another host', () => {
    expect(sessionCookieSecure({ SERVER_URL: 'http://news.example', NODE_ENV: 'production' })).toBe(
      true,
    )
  })

  it('is not set on plain http on this machine, so local login keeps working', () => {
    for (const SERVER_URL of [
      undefined,
      'http://localhost:3000',
      'http://127.0.0.1:41234',
      'http://[::1]:3000',
      'http://app.localhost',
    ]) {
      expect(sessionCookieSecure({ SERVER_URL, NODE_ENV: 'production' }), SERVER_URL).toBe(false)
      expect(sessionCookieSecure({ SERVER_URL, NODE_ENV: 'development' }), SERVER_URL).toBe(false)
    }
    expect(sessionCookieSecure({ SERVER_URL: 'http://news.example' })).toBe(false)
  })

  it('is off with INSECURE_COOKIES=true, and only then', () => {
    expect(
      sessionCookieSecure({
        SERVER_URL: 'http://news.example',
        NODE_ENV: 'production',
        INSECURE_COOKIES: 'true',
      }),
    ).toBe(false)
    expect(
      sessionCookieSecure({
        SERVER_URL: 'https://news.example',
        NODE_ENV: 'production',
        INSECURE_COOKIES: 'false',
      }),
    ).toBe(true)
  })
})
