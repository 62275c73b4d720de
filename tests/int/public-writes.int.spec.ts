import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hitRateLimit } from '@/db/rateLimits'
import { clientAddress, clientFingerprint, hashAddress } from '@/lib/clientAddress'
import { signLink, verifyLink } from '@/lib/signedLinks'

import { query } from '../helpers/database'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The parts every reader's write stands on: who the client is (behind our proxies or not), the
 * stored hash of its address, links that prove themselves, and rate limits counted in the
 * database so that every instance counts a client together.
 */

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff })

describe('the client address', () => {
  it('with no proxy of ours, is the last X-Forwarded-For entry (Next fills it from the socket)', () => {
    expect(clientAddress(headers('203.0.113.7'), {})).toBe('203.0.113.7')
    expect(clientAddress(headers('10.0.0.1, 203.0.113.7'), { TRUSTED_PROXY_HOPS: '0' })).toBe(
      '203.0.113.7',
    )
  })

  it('behind one proxy, is what the proxy appended, whatever the client claimed before it', () => {
    const env = { TRUSTED_PROXY_HOPS: '1' }
    expect(clientAddress(headers('1.2.3.4, 198.51.100.9'), env)).toBe('198.51.100.9')
    // Behind two (a load balancer, then nginx), the load balancer's entry is the client's.
    expect(
      clientAddress(headers('1.2.3.4, 198.51.100.9, 10.0.0.2'), { TRUSTED_PROXY_HOPS: '2' }),
    ).toBe('198.51.100.9')
  })

  it('is "unknown" without the header or with a chain shorter than the proxies', () => {
    expect(clientAddress(headers(), {})).toBe('unknown')
    expect(clientAddress(headers('198.51.100.9'), { TRUSTED_PROXY_HOPS: '2' })).toBe('unknown')
  })

  it('reads an IPv4 address mapped into IPv6 as the IPv4 address; ignores a nonsense hop count', () => {
    expect(clientAddress(headers('::ffff:127.0.0.1'), {})).toBe('127.0.0.1')
    expect(clientAddress(headers('1.1.1.1, 2.2.2.2'), { TRUSTED_PROXY_HOPS: 'lots' })).toBe(
      '2.2.2.2',
    )
  })

  it('is stored only as a salted hash: stable per salt, different across salts, not the address', () => {
    const a = hashAddress('203.0.113.7', { ADDRESS_HASH_SALT: 'one' })
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(a).not.toContain('203')
    expect(hashAddress('203.0.113.7', { ADDRESS_HASH_SALT: 'one' })).toBe(a)
    expect(hashAddress('203.0.113.8', { ADDRESS_HASH_SALT: 'one' })).not.toBe(a)
    expect(hashAddress('203.0.113.7', { ADDRESS_HASH_SALT: 'two' })).not.toBe(a)
    // Without a salt of its own, the secret salts it: another secret, another hash.
    expect(hashAddress('203.0.113.7', { PAYLOAD_SECRET: 's1' })).not.toBe(
      hashAddress('203.0.113.7', { PAYLOAD_SECRET: 's2' }),
    )
    expect(clientFingerprint(headers('203.0.113.7'), { ADDRESS_HASH_SALT: 'one' })).toBe(a)
  })
})

describe('signed links', () => {
  it('carry their data back for the purpose they were made for', () => {
    const token = signLink('newsletter:manage', { id: 42, language: 'az' })
    expect(verifyLink('newsletter:manage', token)).toEqual({
      ok: true,
      data: { id: 42, language: 'az' },
    })
  })

  it('are worthless for another purpose, changed by one character, or malformed', () => {
    const token = signLink('comments:erase', { email: 'reader@example.com' })
    expect(verifyLink('newsletter:manage', token)).toEqual({ ok: false, reason: 'forged' })
    const [body, signature] = token.split('.')
    const forgedBody = Buffer.from(JSON.stringify({ email: 'someone@example.com' })).toString(
      'base64url',
    )
    expect(verifyLink('comments:erase', `${forgedBody}.${signature}`)).toEqual({
      ok: false,
      reason: 'forged',
    })
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A')
    expect(verifyLink('comments:erase', `${body}.${flipped}`).ok).toBe(false)
    for (const bad of ['', 'abc', 'a.b.c', 42, null, 'x'.repeat(3000)]) {
      expect(verifyLink('comments:erase', bad)).toEqual({ ok: false, reason: 'malformed' })
    }
  })

  it('expire when made with an expiry', () => {
    const now = new Date('2026-11-26T10:00:00Z')
    const token = signLink('comments:confirm', { id: 1 }, new Date(now.getTime() + 60_000))
    expect(verifyLink('comments:confirm', token, now)).toEqual({ ok: true, data: { id: 1 } })
    expect(verifyLink('comments:confirm', token, new Date(now.getTime() + 61_000))).toEqual({
      ok: false,
      reason: 'expired',
    })
  })
})

describe('rate limits in the database', () => {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await createTestPayload()
  }, 120_000)
  afterAll(async () => {
    await ctx?.teardown()
  })

  it('allow `limit` hits per client and window, then refuse with the time left', async () => {
    const rule = { bucket: 'test-a', limit: 3, windowSeconds: 3600 }
    const verdicts = []
    for (let i = 0; i < 5; i++) verdicts.push(await hitRateLimit(ctx.payload, rule, 'client-1'))
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false])
    expect(verdicts.map((v) => v.hits)).toEqual([1, 2, 3, 4, 5])
    expect(verdicts[4].retryAfterSeconds).toBeGreaterThan(0)
    expect(verdicts[4].retryAfterSeconds).toBeLessThanOrEqual(3600)
    // Another client, and the same client under another rule, count apart.
    expect((await hitRateLimit(ctx.payload, rule, 'client-2')).allowed).toBe(true)
    expect((await hitRateLimit(ctx.payload, { ...rule, bucket: 'test-b' }, 'client-1')).hits).toBe(
      1,
    )
  })

  it('count hits made at the same moment exactly (no lost updates)', async () => {
    const rule = { bucket: 'test-parallel', limit: 10, windowSeconds: 3600 }
    const verdicts = await Promise.all(
      Array.from({ length: 25 }, () => hitRateLimit(ctx.payload, rule, 'crowd')),
    )
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10)
    expect(verdicts.map((v) => v.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    )
  })

  it('start again in the next window', async () => {
    const rule = { bucket: 'test-window', limit: 1, windowSeconds: 3 }
    const windowMs = rule.windowSeconds * 1000
    const toNextWindow = () => windowMs - (Date.now() % windowMs) + 50
    // Start at the beginning of a window, so that two hits surely share it.
    await new Promise((resolve) => setTimeout(resolve, toNextWindow()))
    expect((await hitRateLimit(ctx.payload, rule, 'k')).allowed).toBe(true)
    expect((await hitRateLimit(ctx.payload, rule, 'k')).allowed).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, toNextWindow()))
    expect((await hitRateLimit(ctx.payload, rule, 'k')).allowed).toBe(true)
    const rows = await query<{ n: number }>(
      ctx.databaseUrl,
      `SELECT count(*)::int AS n FROM rate_limit_hits WHERE bucket = 'test-window'`,
    )
    expect(rows[0].n).toBe(2)
  })
})
