import type { Media } from '@/payload-types'

import { generateImage } from './images'
import { context, type SeedRun } from './run'

/**
 * A drawn illustration, looked up by its filename (`seed-<key>.jpg`) and made with sharp when
 * missing. Returns the media id.
 */
export const seedImage = async (
  run: SeedRun,
  key: string,
  palette: string,
  alt: string,
  label?: string,
): Promise<number> => {
  const filename = `seed-${key}.jpg`
  const existing = await run.findOne<Media>('media', { filename: { equals: filename } })
  run.tally('media', !existing)
  if (existing) return existing.id
  const data = await generateImage({ seed: key, palette, label })
  const doc = await run.payload.create({
    collection: 'media',
    data: { alt, credit: 'Caspian Digest illustration' },
    file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
    context,
  })
  return doc.id
}
