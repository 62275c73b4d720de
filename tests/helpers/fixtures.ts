import type { Payload } from 'payload'
import sharp from 'sharp'

import type { Role } from '@/access/roles'
import { blocksToLexical, type TextBlock } from '@/lib/lexical'
import type { Article, User } from '@/payload-types'

let counter = 0
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

/** A user with the given role; `languages` defaults to all three. */
export const createUser = async (
  payload: Payload,
  role: Role,
  overrides: Partial<Pick<User, 'languages' | 'name'>> = {},
): Promise<User> =>
  payload.create({
    collection: 'users',
    data: {
      email: `${role}-${next()}@test.example`,
      password: 'test-password-1',
      name: `${role} ${counter}`,
      roles: [role],
      languages: ['en', 'az', 'ru'],
      ...overrides,
    },
  })

/** `n` words of plain text. */
export const words = (n: number) =>
  Array.from({ length: n }, (_, i) => ['news', 'Baku', 'report', 'rail', 'energy'][i % 5]).join(' ')

export const body = (...blocks: TextBlock[]) => blocksToLexical(blocks) as Article['body']

type ArticleInput = Partial<Omit<Article, 'id' | 'createdAt' | 'updatedAt'>> & {
  status?: 'draft' | 'published'
}

/** An article written by the system (no user); drafts unless `status: 'published'`. */
export const createArticle = async (
  payload: Payload,
  input: ArticleInput = {},
): Promise<Article> => {
  const { status = 'draft', ...fields } = input
  const data = {
    title: `Story ${next()}`,
    language: 'en',
    body: body(words(50)),
    ...fields,
    _status: status,
  } as Article
  return status === 'draft'
    ? payload.create({ collection: 'articles', draft: true, data })
    : payload.create({ collection: 'articles', data })
}

/** An image file as an upload would carry it, drawn by sharp. */
export const imageFile = async ({
  width = 1600,
  height = 900,
  format = 'jpeg',
}: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp' } = {}) => {
  const data = await sharp({
    create: { width, height, channels: 3, background: { r: 20, g: 110, b: 140 } },
  })
    .toFormat(format)
    .toBuffer()
  return {
    data,
    mimetype: `image/${format}`,
    name: `picture-${next()}.${format === 'jpeg' ? 'jpg' : format}`,
    size: data.length,
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buffer: Buffer) => {
  let crc = 0xffffffff
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
const pngChunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A decompression bomb: a few hundred bytes whose header claims `side`×`side` pixels
 * (default 40,000², 1.6 billion pixels, about 4.8 GB decoded).
 */
export const pngBomb = (side = 40_000) => {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(side, 0)
  ihdr.writeUInt32BE(side, 4)
  ihdr.writeUInt8(8, 8) // bit depth
  ihdr.writeUInt8(2, 9) // colour type: RGB
  const data = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
  return { data, mimetype: 'image/png', name: 'innocent.png', size: data.length }
}

/**
 * What the pre-publish checklist asks for, created once per test file: a section, a byline and
 * a hero image with alt text. Spread `fields` into an article to make it ready to publish.
 */
export const createNewsroomBasics = async (payload: Payload) => {
  const category = await payload.create({
    collection: 'categories',
    data: { name: `Section ${next()}` },
  })
  const author = await payload.create({
    collection: 'authors',
    data: { name: `Byline ${next()}` } as never,
  })
  const hero = await payload.create({
    collection: 'media',
    data: { alt: 'Containers stacked at a port at dawn' },
    file: await imageFile({ width: 800, height: 450 }),
  })
  return {
    category,
    author,
    hero,
    fields: {
      dek: 'A dek that says what happened.',
      category: category.id,
      authors: [author.id],
      heroImage: hero.id,
    } satisfies Partial<Article>,
  }
}

/** The emails the app has sent so far (the outbox transport's JSON records), oldest first. */
export const readOutbox = async (
  outboxDir: string,
): Promise<{ to: string[]; subject: string; text: string }[]> => {
  const { readdir, readFile } = await import('node:fs/promises')
  const files = (await readdir(outboxDir).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.json'))
    .sort()
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(`${outboxDir}/${file}`, 'utf8'))),
  )
}
