/**
 * What a newsroom backup is: the archive's format (manifest.json and the files beside it), the
 * error a backup or restore answers with, and the archive's default name.
 */
export const BACKUP_FORMAT = 'newsroom-backup'
export const BACKUP_FORMAT_VERSION = 1
export const DEFAULT_SCHEMA = 'public'

export type TableEntry = {
  name: string
  /** the columns dumped, in order (GENERATED columns are left out: PostgreSQL recomputes them) */
  columns: string[]
  rows: number
  /** SHA-256 (hex) of the table's COPY data, ordered by primary key */
  sha256: string
  file: string
}

export type SequenceEntry = {
  name: string
  table: string
  column: string
  lastValue: string
  isCalled: boolean
}

export type MediaFileEntry = { path: string; bytes: number; sha256: string }

export type Manifest = {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  createdAt: string
  server: { version: string; versionNum: number }
  database: string
  schema: string
  /** names from `payload_migrations`, in the order they were applied */
  migrations: string[]
  tables: TableEntry[]
  sequences: SequenceEntry[]
  media: { included: boolean; note?: string; files: MediaFileEntry[] }
}

/** A refusal or failure with a message meant for the person running the command. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

export const timestampName = (date = new Date()) =>
  `newsroom-${date.toISOString().replace(/[:.]/g, '-')}.tar.gz`
