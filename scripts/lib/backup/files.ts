/** The media side of an archive: files listed with their size and SHA-256. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import type { MediaFileEntry } from './format'

export const sha256File = async (file: string) => {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/** Every regular file under a folder, as sorted relative paths with `/` separators. */
export const listFiles = async (dir: string): Promise<string[]> => {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort()
}

export const describeMedia = async (dir: string): Promise<MediaFileEntry[]> => {
  const files: MediaFileEntry[] = []
  for (const relative of await listFiles(dir)) {
    const full = path.join(dir, relative)
    files.push({
      path: relative,
      bytes: (await fs.stat(full)).size,
      sha256: await sha256File(full),
    })
  }
  return files
}

export const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  )
