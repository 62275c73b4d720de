import path from 'node:path'

/** Raster formats the newsroom publishes; everything else (SVG, XML, PDF, ...) is refused. */
export const IMAGE_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
] as const

/** sharp's names for the same formats, as read from the file's own header. */
export const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'gif'])

/** Largest upload accepted, in bytes (MEDIA_MAX_BYTES, default 15 MB). */
export const MAX_UPLOAD_BYTES = Number(process.env.MEDIA_MAX_BYTES) || 15 * 1024 * 1024

/**
 * Largest image accepted, in pixels (width × height). A 10 KB PNG can claim 50,000 × 50,000
 * pixels and take gigabytes to decode; sharp refuses anything above this before decoding.
 */
export const MAX_INPUT_PIXELS = Number(process.env.MEDIA_MAX_PIXELS) || 50_000_000

/** Where uploads are stored on disk when S3 is not configured. */
export const MEDIA_DIR = process.env.MEDIA_DIR
  ? path.resolve(process.env.MEDIA_DIR)
  : path.resolve(process.cwd(), 'media')
