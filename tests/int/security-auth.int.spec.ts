import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { requestFor } from '../helpers/workflow'

let ctx: TestPayload
let admin: User, editor: User

const PASSWORD = 'test-password-1'

const login = (email: string, password: string) =>
  ctx.payload.login({ collection: 'users', data: { email, password } })

const storedAuthState = async (id: number) =>
  ctx.payload.findByID({ collection: 'users', id, showHiddenFields: true, depth: 0 }) as Promise<
    User & { loginAttempts?: number; lockUntil?: string | null; resetPasswordToken?: string | null }
  >

beforeAll(async () => {
  ctx = await createTestPayload()
  admin = await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('login lockout', () => {
  it('locks an account after five wrong passwords in a row, even with the right one after', async () => {
    const user = await createUser(ctx.payload, 'author')
    for (let i = 0; i < 5; i++) {
      await expect(login(user.email, 'wrong-password')).rejects.toMatchObject({ status: 401 })
    }
    await expect(login(user.email, PASSWORD)).rejects.toMatchObject({ status: 401 })
    expect((await storedAuthState(user.id)).lockUntil).toBeTruthy()
  })

  it('locks an account under a burst of parallel wrong passwords', async () => {
    const user = await createUser(ctx.payload, 'author')
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () => login(user.email, 'wrong-password')),
    )
    expect(attempts.every((attempt) => attempt.status === 'rejected')).toBe(true)
    await expect(login(user.email, PASSWORD)).rejects.toMatchObject({ status: 401 })
    expect((await storedAuthState(user.id)).lockUntil).toBeTruthy()
  })

  it('lets only admins unlock an account', async () => {
    const user = await createUser(ctx.payload, 'author')
    for (let i = 0; i < 5; i++) await login(user.email, 'wrong').catch(() => undefined)
    const unlock = async (by: User) =>
      ctx.payload.unlock({
        collection: 'users',
        data: { email: user.email } as { email: string; password: string },
        req: await requestFor(ctx.payload, by),
        overrideAccess: false,
      })
    await expect(unlock(editor)).rejects.toMatchObject({ status: 403 })
    await expect(login(user.email, PASSWORD)).rejects.toMatchObject({ status: 401 })
    await unlock(admin)
    expect((await login(user.email, PASSWORD)).user?.id).toBe(user.id)
  })
})

describe('password reset', () => {
  it('accepts a reset token once', async () => {
    const user = await createUser(ctx.payload, 'author')
    const token = await ctx.payload.forgotPassword({
      collection: 'users',
      data: { email: user.email },
      disableEmail: true,
    })
    const reset = (password: string) =>
      ctx.payload.resetPassword({
        collection: 'users',
        data: { token, password },
        overrideAccess: true,
      })
    await reset('a-new-password-1')
    expect((await login(user.email, 'a-new-password-1')).user?.id).toBe(user.id)
    await expect(reset('another-password-2')).rejects.toMatchObject({ status: expect.any(Number) })
    await expect(login(user.email, 'another-password-2')).rejects.toMatchObject({ status: 401 })
  })

  it('refuses an expired reset token', async () => {
    const user = await createUser(ctx.payload, 'author')
    const token = await ctx.payload.forgotPassword({
      collection: 'users',
      data: { email: user.email },
      disableEmail: true,
    })
    await ctx.payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { resetPasswordExpiration: new Date(Date.now() - 60_000).toISOString() },
    })
    await expect(
      ctx.payload.resetPassword({
        collection: 'users',
        data: { token, password: 'too-late-password-1' },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: expect.any(Number) })
    await expect(login(user.email, 'too-late-password-1')).rejects.toMatchObject({ status: 401 })
  })
})

describe('what nobody reads about users', () => {
  it('never returns hashes, salts, reset tokens or sessions, even to admins', async () => {
    await ctx.payload.forgotPassword({
      collection: 'users',
      data: { email: editor.email },
      disableEmail: true,
    })
    const { docs } = await ctx.payload.find({
      collection: 'users',
      user: admin,
      overrideAccess: false,
      depth: 0,
    })
    expect(docs.length).toBeGreaterThan(1)
    for (const doc of docs) {
      for (const secret of ['hash', 'salt', 'resetPasswordToken', 'apiKey']) {
        expect(doc, secret).not.toHaveProperty(secret)
      }
      // Sessions are readable by their own user only: to anyone else the list is empty.
      expect((doc as { sessions?: unknown[] }).sessions ?? []).toEqual([])
    }
  })

  it('refuses queries on fields the caller cannot read', async () => {
    await expect(
      ctx.payload.find({
        collection: 'users',
        where: { hash: { exists: true } } as never,
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      ctx.payload.find({
        collection: 'articles',
        where: { createdBy: { equals: admin.id } },
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})
