import pg from 'pg'

/**
 * The redirects as the request proxy (src/proxy.ts) answers them: every source and its target,
 * held in this process's memory, so a request for a page that exists pays a map lookup, never a
 * database round trip.
 *
 * Freshness across instances without shared memory: at most once every `REDIRECTS_REFRESH_MS`
 * (default 1000) a request that finds the snapshot older asks PostgreSQL one cheap question, the
 * table's version (row count and latest change, from the index on `updated_at`); only when it
 * differs is the table read again. Requests arriving meanwhile wait for that one query (bounded
 * by a timeout), so a redirect made on any instance answers everywhere within about a second.
 * If the database cannot be reached, the last snapshot keeps serving (none at first).
 *
 * The proxy is bundled apart from Payload, so it has its own small pool (one connection) on
 * `DATABASE_URL`, with a statement timeout.
 */
export type RedirectMap = ReadonlyMap<string, string>

type Queryable = Pick<pg.Pool, 'query'>

/** The table's version: it changes with every insert, update and delete. */
export const redirectsVersion = async (db: Queryable): Promise<string> => {
  const { rows } = await db.query<{ count: string; latest: Date | null }>(
    'SELECT count(*) AS count, max(updated_at) AS latest FROM redirects',
  )
  const row = rows[0]
  return `${row?.count ?? 0}:${row?.latest ? new Date(row.latest).getTime() : 0}`
}

/** Every redirect, source → target. */
export const allRedirects = async (db: Queryable): Promise<Map<string, string>> => {
  const { rows } = await db.query<{ from: string; to: string }>(
    'SELECT "from", "to" FROM redirects',
  )
  return new Map(rows.map((row) => [row.from, row.to]))
}

const refreshMs = () => {
  const value = Number(process.env.REDIRECTS_REFRESH_MS)
  return Number.isFinite(value) && value >= 0 ? value : 1000
}

/** How long a request waits for the version check before it uses the snapshot it has. */
const WAIT_MS = 500

export type RedirectSnapshot = {
  /** The current map, refreshed first when it is older than the refresh interval. */
  current: () => Promise<RedirectMap>
  close: () => Promise<void>
}

/** A snapshot over `db` (tests give their own pool; the proxy uses `redirectSnapshot()`). */
export const createRedirectSnapshot = (db: Queryable & { end?: () => Promise<void> }) => {
  let map: RedirectMap = new Map()
  let version = ''
  let checkedAt = -Infinity
  let refreshing: Promise<void> | null = null
  let failing = false

  const refresh = async () => {
    try {
      const now = await redirectsVersion(db)
      if (now !== version) {
        map = await allRedirects(db)
        version = now
      }
      failing = false
    } catch (error) {
      if (!failing) console.error(`Could not read the redirects: ${(error as Error).message}`)
      failing = true
    } finally {
      checkedAt = Date.now()
      refreshing = null
    }
  }

  const current = async (): Promise<RedirectMap> => {
    if (Date.now() - checkedAt >= refreshMs()) {
      refreshing ??= refresh()
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        refreshing,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, WAIT_MS)
        }),
      ])
      clearTimeout(timer)
    }
    return map
  }

  return {
    current,
    close: async () => {
      await refreshing
      await db.end?.()
    },
  } satisfies RedirectSnapshot
}

const KEY = Symbol.for('newsroom.redirectSnapshot')
type Holder = { [KEY]?: RedirectSnapshot }

/** This process's snapshot on `DATABASE_URL` (one per process, made on first use). */
export const redirectSnapshot = (): RedirectSnapshot | null => {
  const holder = globalThis as Holder
  if (holder[KEY]) return holder[KEY]
  const connectionString = process.env.DATABASE_URL
  if (!connectionString) return null
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    connectionTimeoutMillis: WAIT_MS * 4,
    idleTimeoutMillis: 30_000,
    statement_timeout: 5000,
  })
  pool.on('error', () => {})
  holder[KEY] = createRedirectSnapshot(pool)
  return holder[KEY]
}
