/**
 * Where a reprinted or translated story first ran (an article's `source` group), every field
 * present: what the read layer returns and what the importer writes.
 */
export type ArticleSource = {
  outlet: string | null
  url: string | null
  originalLanguage: string | null
  originalTitle: string | null
  originalDate: string | null
}
