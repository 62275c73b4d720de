import type { CollectionBeforeOperationHook } from 'payload'
import sharp, { type Metadata } from 'sharp'

import { refusal } from '@/lib/errors'
import { IMAGE_FORMATS, MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from '@/lib/uploads'

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/**
 * Checks an upload by its content before Payload processes it: size first, then sharp reads the
 * header only (no decoding) for the real format and the pixel count. Whatever the file is called
 * or claims to be, only raster images of a sane size get through, with a 4xx saying why.
 */
export const validateUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const size = file.size ?? file.data?.length ?? 0
  if (size > MAX_UPLOAD_BYTES) {
    throw refusal(`The file is ${megabytes(size)}; uploads are limited to ${megabytes(MAX_UPLOAD_BYTES)}.`, 413)
  }

  let metadata: Metadata
  try {
    metadata = await sharp(file.data, { limitInputPixels: false }).metadata()
  } catch {
    throw refusal(`"${file.name}" is not an image this site accepts (JPEG, PNG, WebP, AVIF or GIF).`, 400)
  }
  if (!metadata.format || !IMAGE_FORMATS.has(metadata.format)) {
    throw refusal(`"${file.name}" is ${metadata.format ?? 'an unknown format'}; only JPEG, PNG, WebP, AVIF and GIF images are accepted.`, 400)
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0)
  if (!pixels || pixels > MAX_INPUT_PIXELS) {
    throw refusal(`"${file.name}" is ${metadata.width}×${metadata.height} pixels; images may have at most ${MAX_INPUT_PIXELS.toLocaleString('en')} pixels.`, 400)
  }
  return args
}
