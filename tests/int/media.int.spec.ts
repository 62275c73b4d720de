import { readdir } from 'node:fs/promises'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_UPLOAD_BYTES, MEDIA_DIR } from '@/lib/uploads'

import { imageFile, pngBomb } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

describe('media uploads', () => {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await createTestPayload()
  })
  afterAll(() => ctx?.teardown())

  const upload = (file: { data: Buffer; mimetype: string; name: string; size: number }) =>
    ctx.payload.create({ collection: 'media', data: { alt: 'Test image', credit: 'Test' }, file })

  const mediaCount = async () => (await ctx.payload.count({ collection: 'media' })).totalDocs

  it('accepts an image and makes the named sizes, with a 1200×630 Open Graph crop', async () => {
    const doc = await upload(await imageFile({ width: 2000, height: 1500 }))
    expect(doc).toMatchObject({
      mimeType: 'image/jpeg',
      width: 2000,
      height: 1500,
      alt: 'Test image',
    })
    expect(doc.sizes?.og).toMatchObject({ width: 1200, height: 630, mimeType: 'image/jpeg' })
    expect(doc.sizes?.card).toMatchObject({ width: 768, height: 432, mimeType: 'image/webp' })
    expect(doc.sizes?.hero).toMatchObject({ width: 1600, mimeType: 'image/webp' })
    const files = await readdir(MEDIA_DIR)
    expect(files).toContain(doc.filename)
    expect(files).toContain(doc.sizes?.og?.filename)
    const og = await sharp(`${MEDIA_DIR}/${doc.sizes?.og?.filename}`).metadata()
    expect([og.width, og.height, og.format]).toEqual([1200, 630, 'jpeg'])
  })

  it('requires alt text', async () => {
    await expect(
      ctx.payload.create({
        collection: 'media',
        data: { credit: 'x' } as never,
        file: await imageFile(),
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'alt' }] } })
  })

  it('refuses a file that is not an image, whatever it is called, and stores nothing', async () => {
    const before = await mediaCount()
    const text = Buffer.from('just some text, not a picture at all')
    await expect(
      upload({ data: text, mimetype: 'image/jpeg', name: 'holiday.jpg', size: text.length }),
    ).rejects.toMatchObject({
      status: 400,
      message: '"holiday.jpg" is not an image this site accepts (JPEG, PNG, WebP, AVIF or GIF).',
    })
    expect(await mediaCount()).toBe(before)
  })

  it('refuses SVG even when sent as an image type', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    )
    await expect(
      upload({ data: svg, mimetype: 'image/png', name: 'logo.png', size: svg.length }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('only JPEG, PNG, WebP, AVIF and GIF'),
    })
  })

  it('refuses a file over the size limit with 413', async () => {
    const before = await mediaCount()
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1)
    await expect(
      upload({ data: big, mimetype: 'image/jpeg', name: 'huge.jpg', size: big.length }),
    ).rejects.toMatchObject({
      status: 413,
      message: expect.stringContaining('uploads are limited to 15 MB'),
    })
    expect(await mediaCount()).toBe(before)
  })

  it('refuses a decompression bomb before decoding it', async () => {
    const before = await mediaCount()
    await expect(upload(pngBomb())).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('40000×40000 pixels'),
    })
    expect(await mediaCount()).toBe(before)
  })
})
