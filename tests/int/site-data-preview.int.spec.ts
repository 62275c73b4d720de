import { afterEach, describe, expect, it } from 'vitest'

import { articlePreviewPath, isPreviewSecret, safeSitePath } from '@/lib/preview'

describe('draft preview links', () => {
  const saved = process.env.PREVIEW_SECRET
  afterEach(() => {
    process.env.PREVIEW_SECRET = saved
  })

  it('accepts only the configured secret, and nothing when none is configured', () => {
    process.env.PREVIEW_SECRET = 's3cret-value'
    expect(isPreviewSecret('s3cret-value')).toBe(true)
    expect(isPreviewSecret('s3cret-valuE')).toBe(false)
    expect(isPreviewSecret('s3cret')).toBe(false)
    expect(isPreviewSecret(null)).toBe(false)
    process.env.PREVIEW_SECRET = ''
    expect(isPreviewSecret('')).toBe(false)
    expect(isPreviewSecret('anything')).toBe(false)
  })

  it('redirects only to a path on this site', () => {
    expect(safeSitePath('/en/articles/a-story')).toBe('/en/articles/a-story')
    expect(safeSitePath('/az/section/news?page=2')).toBe('/az/section/news?page=2')
    for (const bad of [
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '/.//evil.example',
      '/%2e/%2fevil.example',
      '/a/..//evil.example',
      '/a/%2e%2e//evil.example',
      '/\t/evil.example',
      '/%5cevil.example',
      'javascript:alert(1)',
      'en/articles/x',
      '',
      null,
    ]) {
      expect(safeSitePath(bad), String(bad)).toBeNull()
    }
  })

  it('builds the article preview link with the secret and the article’s public path', () => {
    process.env.PREVIEW_SECRET = 'abc'
    const url = new URL(articlePreviewPath('az', 'baki-qatar'), 'http://x')
    expect(url.pathname).toBe('/next/preview')
    expect(url.searchParams.get('secret')).toBe('abc')
    expect(url.searchParams.get('path')).toBe('/az/articles/baki-qatar')
  })
})
