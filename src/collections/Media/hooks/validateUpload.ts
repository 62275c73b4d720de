import type { CollectionBeforeOperationHook } from 'payload'
import sharp, { type Metadata } from 'sharp'

import { refuse } from '@/lib/errors'
import { formatNumber, message, type Audience } from '@/lib/messages'
import { IMAGE_FORMATS, MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from '@/lib/uploads'

/** A size in megabytes, one decimal, written the requester's way ("15 MB", "15 МБ"). */
const megabytes = (req: Audience, bytes: number) =>
  message(req, 'uploads:megabytes', {
    count: formatNumber(req, Math.round((bytes / 1024 / 1024) * 10) / 10),
  })

/**
 * Checks an upload by its content before Payload processes it: size first, then sharp reads the
 * header only (no decoding) for the real format and the pixel count. Whatever the file is called
 * or claims to be, only raster images of a sane size get through, with a 4xx saying why in the
 * requester's language (`uploads:` in src/lib/messages).
 */
export const validateUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const size = file.size ?? file.data?.length ?? 0
  if (size > MAX_UPLOAD_BYTES) {
    throw refuse(req, 'uploads:tooLarge', 413, {
      size: megabytes(req, size),
      max: megabytes(req, MAX_UPLOAD_BYTES),
    })
  }

  let metadata: Metadata
  try {
    metadata = await sharp(file.data, { limitInputPixels: false }).metadata()
  } catch {
    throw refuse(req, 'uploads:notImage', 400, { name: file.name })
  }
  if (!metadata.format || !IMAGE_FORMATS.has(metadata.format)) {
    throw refuse(req, 'uploads:wrongFormat', 400, {
      name: file.name,
      format: metadata.format ?? message(req, 'uploads:unknownFormat'),
    })
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0)
  if (!pixels || pixels > MAX_INPUT_PIXELS) {
    throw refuse(req, 'uploads:tooManyPixels', 400, {
      name: file.name,
      width: String(metadata.width),
      height: String(metadata.height),
      max: formatNumber(req, MAX_INPUT_PIXELS),
    })
  }
  return args
}
