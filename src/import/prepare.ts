/** Checks that need the database, and records turned into the rows to write. */
import {
  readOriginals,
  type ArticleKey,
  type ImportConnection,
  type OriginalRow,
} from '@/db/import'
import { embargoActive, formatEmbargo, laterEmbargo } from '@/lib/embargo'
import { lexicalToPlainText, type LexicalState } from '@/lib/lexical'

import type { ValidRecord } from './records'
import { keyOf, languageInMessages, sharedOfOriginal, type Prepared, type Shared } from './rows'
import { fail, type Run } from './run'

/** An original as found: its row, its shared fields, the languages it has versions in. */
type Original = { row: OriginalRow; shared: Shared; versions: Set<string> }

/** Checks that need the database, then turns originals into rows to write. */
export const prepareOriginals = (run: Run, records: ValidRecord[]): Prepared[] => {
  const prepared: Prepared[] = []
  for (const record of records) {
    const section = run.sections.get(record.section!)
    if (section === undefined) {
      fail(run, record.line, `unknown section "${record.section}"`)
      continue
    }
    const unknownAuthor = record.authors.find((slug) => !run.authors.has(slug))
    if (unknownAuthor) {
      fail(run, record.line, `unknown author "${unknownAuthor}"`)
      continue
    }
    prepared.push({
      record,
      key: keyOf(record.language, record.slug),
      ...run.bodies.get(record)!,
      translationOfId: null,
      translatedFrom: null,
      embargoUntil: record.embargoUntil,
      shared: {
        categoryId: section,
        categories: [],
        tags: record.tags.map((slug) => run.tags.get(slug)!),
        authors: record.authors.map((slug) => run.authors.get(slug)!),
        heroImageId: null,
        source: {
          outlet: record.source?.outlet ?? null,
          url: record.source?.url ?? null,
          originalLanguage: record.source?.originalLanguage ?? null,
          originalTitle: record.source?.originalTitle ?? null,
          originalDate: record.source?.originalDate ?? null,
        },
      },
    })
  }
  return prepared
}

/** The originals these keys name, with their shared fields and their versions' languages. */
const loadOriginals = async (client: ImportConnection, keys: ArticleKey[]) => {
  const { originals, rels, versions } = await readOriginals(client, keys)
  const found = new Map<string, Original>()
  for (const row of originals) {
    found.set(keyOf(row.language, row.slug), {
      row,
      versions: new Set(
        versions.filter((v) => v.translation_of_id === row.id).map((v) => v.language),
      ),
      shared: sharedOfOriginal(
        row,
        rels.filter((rel) => rel.parent_id === row.id),
      ),
    })
  }
  return found
}

/** Why this record cannot be a version of this original, if it cannot. */
const versionRefusal = (record: ValidRecord, original: Original): string | null => {
  const of = record.translationOf!
  if (original.row.translation_of_id) {
    return `${of.language}/${of.slug} is itself a language version; name its original`
  }
  if (original.versions.has(record.language)) {
    return `${of.language}/${of.slug} already has a version in ${languageInMessages(record.language)}`
  }
  if (record.stage === 'published' && embargoActive(original.row.embargo_until)) {
    return `the original is under embargo until ${formatEmbargo('en', original.row.embargo_until)}: import this version as a draft`
  }
  return null
}

/** Language versions: their originals are read inside the transaction (this batch's included). */
export const prepareVersions = async (
  run: Run,
  client: ImportConnection,
  records: ValidRecord[],
  final: boolean,
): Promise<{ prepared: Prepared[]; deferred: ValidRecord[] }> => {
  const originals = await loadOriginals(
    client,
    records.map((r) => r.translationOf!),
  )
  const prepared: Prepared[] = []
  const deferred: ValidRecord[] = []
  const now = new Date().toISOString()
  for (const record of records) {
    const of = record.translationOf!
    const original = originals.get(keyOf(of.language, of.slug))
    if (!original) {
      if (final) fail(run, record.line, `original ${of.language}/${of.slug} not found`)
      else deferred.push(record)
      continue
    }
    const refusal = versionRefusal(record, original)
    if (refusal) {
      fail(run, record.line, refusal)
      continue
    }
    original.versions.add(record.language)
    prepared.push({
      record,
      key: keyOf(record.language, record.slug),
      ...run.bodies.get(record)!,
      translationOfId: original.row.id,
      shared: original.shared,
      embargoUntil: laterEmbargo(record.embargoUntil, original.row.embargo_until),
      translatedFrom: {
        title: original.row.title ?? '',
        dek: original.row.dek ?? '',
        bodyText: lexicalToPlainText(original.row.body as LexicalState),
        at: now,
      },
    })
  }
  return { prepared, deferred }
}
