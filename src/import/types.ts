/** The importer's options and its report (re-exported by ./importer). */
import type { Invalid } from './records'

/** What `onWrite` reports: the statements of one batch, by the rows they write. */
export type ImportWriteStep =
  'articles' | 'articles_rels' | 'versions' | 'editorial_events' | 'redirects'

export type ImportOptions = {
  /** records per transaction (default 500) */
  batchSize?: number
  /**
   * batches written at the same time, each on its own connection (default 2: the database
   * side costs more CPU than the reading, so two backends use both cores). A language version
   * whose original is in a batch still being written waits for the end of the file.
   */
  concurrency?: number
  /** called after each batch with the running totals */
  onProgress?: (summary: ImportSummary) => void
  /** called once for each database connection the import writes on, with its backend's pid */
  onConnection?: (backendPid: number) => void
  /** called after each write of a batch: what was written, how many rows, how long it took */
  onWrite?: (step: ImportWriteStep, rows: number, ms: number) => void
}

export type ImportSummary = {
  imported: number
  skipped: number
  failed: number
  /** every failed record: its line number in the file and why */
  failures: Invalid[]
  /** lines of records skipped because their language+slug already exists */
  skippedLines: number[]
  /** tags that did not exist and were created */
  createdTags: string[]
  seconds: number
  articlesPerSecond: number
}
