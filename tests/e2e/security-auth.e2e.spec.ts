import { describe, expect, inject, it } from 'vitest'

const baseURL = inject('baseURL')

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

const login = async (email: string, password: string) => {
  const response = await post('/api/users/login', { email, password })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

describe('accounts over HTTP', () => {
  it('answers a password reset request the same for a known and an unknown address', async () => {
    const known = await post('/api/users/forgot-password', {
      email: 'author@caspiandigest.example',
    })
    const unknown = await post('/api/users/forgot-password', { email: 'nobody@example.org' })
    expect(known.status).toBe(unknown.status)
    expect(await known.json()).toEqual(await unknown.json())
  })

  it('invalidates a token on logout', async () => {
    const token = await login('translator@caspiandigest.example', 'demo-translator')
    const me = async () =>
      (
        (await (
          await fetch(`${baseURL}/api/users/me`, { headers: { authorization: `JWT ${token}` } })
        ).json()) as { user: { email: string } | null }
      ).user
    expect((await me())?.email).toBe('translator@caspiandigest.example')
    const logout = await post('/api/users/logout', {}, { authorization: `JWT ${token}` })
    expect(logout.status).toBe(200)
    expect(await me()).toBeNull()
  })

  it('lets nobody register as the first user once users exist', async () => {
    const response = await post('/api/users/first-register', {
      email: 'intruder@example.org',
      password: 'intruder-pass-1',
      name: 'Intruder',
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    const again = await post('/api/users/login', {
      email: 'intruder@example.org',
      password: 'intruder-pass-1',
    })
    expect(again.status).toBe(401)
  })

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const response = await post('/api/users/login', {
      email: 'author@caspiandigest.example',
      password: 'demo-author',
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })
})

describe('malformed requests', () => {
  it('answers a malformed id or operator with a 4xx and no stack trace', async () => {
    for (const path of [
      '/api/articles/not-a-number',
      '/api/articles/1.5?depth=0',
      '/api/authors/abc',
      '/api/articles?where[title][bogus_operator]=x',
      '/api/articles?where[nonexistent_field][equals]=x',
      '/api/articles?limit=abc&depth=99',
    ]) {
      const response = await fetch(`${baseURL}${path}`)
      const text = await response.text()
      expect(response.status, path).toBeLessThan(500)
      expect(text, path).not.toMatch(/\bat \S+ \(|node_modules/)
    }
  })

  it('refuses an overly deep GraphQL query', async () => {
    let selection = 'id'
    for (let i = 0; i < 12; i++) selection = `relatedArticles { ${selection} }`
    const response = await post('/api/graphql', {
      query: `{ Articles(limit: 100) { docs { ${selection} } } }`,
    })
    const body = (await response.json()) as { errors?: { message: string }[] }
    expect(body.errors?.[0]?.message ?? '').toMatch(/depth/i)
    const shallow = await post('/api/graphql', {
      query: '{ Articles(limit: 2) { docs { title category { name } } } }',
    })
    expect(((await shallow.json()) as { errors?: unknown }).errors).toBeUndefined()
  })
})

describe('security headers', () => {
  it('sends CSP, nosniff, a referrer policy and frame protection on the site, the admin and the API', async () => {
    for (const path of ['/en', '/admin/login', '/api/articles?limit=1']) {
      const response = await fetch(`${baseURL}${path}`)
      expect(response.status, path).toBeLessThan(400)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp, path).toContain("frame-ancestors 'self'")
      expect(csp, path).toContain("object-src 'none'")
      expect(csp, path).not.toContain('unsafe-eval')
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(response.headers.get('x-powered-by'), path).toBeNull()
    }
  })
})
