/**
 * The checks a restore makes on the archive before it touches the database: it unpacks, its
 * manifest is a newsroom backup of the version this code reads, its migrations are this
 * repository's (or the first of them), and its media files are the ones the manifest lists.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import * as tar from 'tar'

import { exists, listFiles, sha256File } from '../backup/files'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type Manifest } from '../backup/format'

/** Unpacks the archive into `dir`; a truncated or foreign file is refused. */
export const extractArchive = async (archive: string, dir: string) => {
  try {
    await tar.extract({ file: archive, cwd: dir, strict: true })
  } catch (error) {
    throw new BackupError(
      `The archive could not be read (truncated, or not a .tar.gz): ${(error as Error).message}`,
    )
  }
}

/** Reads and checks the manifest of an extracted archive. */
export const readManifest = async (dir: string): Promise<Manifest> => {
  let manifest: Manifest
  try {
    manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    throw new BackupError('The archive has no readable manifest.json: it is not a newsroom backup.')
  }
  if (manifest?.format !== BACKUP_FORMAT) {
    throw new BackupError('The archive is not a newsroom backup (unknown format in manifest.json).')
  }
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `The archive has format version ${manifest.formatVersion}; this version of the newsroom ` +
        `reads version ${BACKUP_FORMAT_VERSION}.`,
    )
  }
  if (
    !Array.isArray(manifest.migrations) ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.sequences) ||
    !manifest.media ||
    !Array.isArray(manifest.media.files)
  ) {
    throw new BackupError("The archive's manifest.json is incomplete.")
  }
  return manifest
}

/**
 * The archive's migrations must be the repository's, or the first of them; returns the
 * repository's migrations that come after them (to apply once the data are restored).
 */
export const checkMigrations = (archived: string[], repository: string[]) => {
  const mismatch = archived.findIndex((name, i) => repository[i] !== name)
  if (mismatch === -1) return repository.slice(archived.length)
  if (mismatch >= repository.length) {
    throw new BackupError(
      `The archive was made by a newer version of the newsroom: its migrations ` +
        `${archived.slice(repository.length).join(', ')} are not in this repository. ` +
        'Restore it with the code it was made with (or newer).',
    )
  }
  throw new BackupError(
    `The archive's migrations differ from this repository's at position ${mismatch + 1}: ` +
      `the archive has ${archived[mismatch]}, the repository ${repository[mismatch]}. ` +
      'Restore it with the code it was made with.',
  )
}

/** A path inside the archive's media folder that stays inside it. */
export const safeRelative = (relative: string) => {
  const normal = path.posix.normalize(relative)
  if (path.posix.isAbsolute(normal) || normal.startsWith('../') || normal === '..') {
    throw new BackupError(`The archive lists a media file outside the media folder: ${relative}`)
  }
  return normal
}

/** Checks the extracted media against the manifest (names, sizes, checksums). */
export const checkMedia = async (dir: string, manifest: Manifest) => {
  const folder = path.join(dir, 'media')
  const present = (await exists(folder)) ? await listFiles(folder) : []
  const listed = manifest.media.files.map((file) => safeRelative(file.path)).sort()
  if (JSON.stringify(present) !== JSON.stringify(listed)) {
    throw new BackupError(
      `The archive's media folder does not match its manifest ` +
        `(${present.length} files present, ${listed.length} listed).`,
    )
  }
  for (const file of manifest.media.files) {
    if ((await sha256File(path.join(folder, file.path))) !== file.sha256) {
      throw new BackupError(
        `Media file ${file.path} in the archive is corrupted (checksum mismatch).`,
      )
    }
  }
}

/** What the restore will say about the archive's media when it does not put them in place. */
export const mediaNotes = (manifest: Manifest, mediaDir: string | null): string[] => {
  if (!manifest.media.included) {
    return [`The archive has no media files (${manifest.media.note ?? 'not included'}).`]
  }
  if (mediaDir === null) {
    return [
      `The archive's ${manifest.media.files.length} media files were not restored: media are ` +
        "stored in S3 here. Upload the archive's media/ folder to the bucket yourself.",
    ]
  }
  return []
}
