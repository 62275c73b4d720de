/** The readers' paths: article pages (the day's and the archive), home pages, search. */
import pg from 'pg'

import { searchWords } from '../generate'

export const readerPaths = async (databaseUrl: string, touched: number[]) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  // Newest first: half of the article readers read the stories of the day (the 40 newest), the
  // other half the whole archive in random order (most of those renders miss the data cache).
  const { rows: readable } = await pool.query<{ language: string; slug: string }>(
    `SELECT language::text, slug FROM articles
     WHERE _status = 'published' AND deleted_at IS NULL AND NOT (id = ANY($1::int[]))
     ORDER BY published_at DESC NULLS LAST`,
    [touched],
  )
  await pool.end()
  const newest = readable.slice(0, 40)
  const archive = [...readable].sort(() => Math.random() - 0.5)
  let a = 0
  const articlePath = () => {
    const n = a++
    const row = n % 2 ? newest[(n >> 1) % newest.length] : archive[(n >> 1) % archive.length]
    return `/${row.language}/articles/${encodeURIComponent(row.slug)}`
  }
  let h = 0
  const homes = ['/en', '/az', '/ru']
  const homePath = () => homes[h++ % homes.length]
  const words = searchWords()
  let q = 0
  const searchPath = () => {
    const n = q++
    const first = words[n % words.length]
    const second = words[Math.floor(n / words.length) % words.length]
    return `/en/search?q=${first}+${second}`
  }
  return { articlePath, homePath, searchPath }
}
