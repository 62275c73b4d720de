/**
 * The load run (`npm run bench:load -- --articles 2000 --seconds 60`; README, "Benchmark"):
 * readers at concurrency 100 and editors saving and publishing at the same time, on the
 * production build, for a bounded time; then the checks.
 *
 * 1. a fresh embedded PostgreSQL with the demo newsroom and N generated articles (lib.ts);
 * 2. the production build under `next start`; a few editor accounts, each with articles of its
 *    own, and articles shared by several editors, all published with a complete checklist;
 * 3. for `--seconds`: autocannon readers (article pages, the home page in the three languages,
 *    search pages with a different query each time) straight against Next; editors over REST
 *    saving drafts (`PATCH /api/articles/:id?draft=true`) and publishing/unpublishing through
 *    `POST /api/articles/:id/transition`, several of them saving the same article at the same
 *    moment, half of the saves over GraphQL (`updateArticle`); 32 editors at once by default;
 *    an anonymous observer reading the live text of every touched article;
 * 4. the checks: no 5xx and no unintended 4xx for readers, no connection errors; every editor
 *    request answered within 30 s with a save or a clean refusal (409/423/503), no other 5xx; no lost save (every acknowledged save is in the article's versions and the final
 *    draft is the last acknowledged save), the live text changed only across a publish, and the
 *    server's peak RSS under `--rss-limit`. Printed, and written to bench/results/load.md and
 *    load.json; the exit code is 1 when a check fails.
 */
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { blocksToLexical } from '@/lib/lexical'

import { searchWords } from './generate'
import {
  createSession,
  fmt,
  load,
  machineInfo,
  memorySampler,
  percentile,
  prepareDatabase,
  productionBuild,
  sleep,
  startNext,
  startProxy,
  versionsOf,
  writeResults,
  type Load,
} from './lib'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    /** how long readers and editors run */
    seconds: { type: 'string', default: '60' },
    /** concurrent reader connections, split 60/20/20 over articles, home pages and search */
    connections: { type: 'string', default: '100' },
    /** editors each saving and publishing their own articles */
    editors: { type: 'string', default: '24' },
    /** editors saving the same article at the same moment */
    'shared-editors': { type: 'string', default: '8' },
    /** fail when the server's peak RSS (next start and its children) passes this many MB */
    'rss-limit': { type: 'string', default: '1536' },
    /** also run the article readers through nginx (deploy/nginx.conf) for the same time */
    proxy: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '30' },
  },
})
const ARTICLES = Number(args.articles)
const SECONDS = Number(args.seconds)
const CONNECTIONS = Number(args.connections)
const EDITORS = Number(args.editors)
const SHARED_EDITORS = Number(args['shared-editors'])
const RSS_LIMIT_MB = Number(args['rss-limit'])
/** own articles per editor, and articles the shared editors take turns on */
const OWN_ARTICLES = 4
const SHARED_ARTICLES = 2
/** Payload keeps this many versions per article (src/collections/Articles: maxPerDoc) */
const MAX_VERSIONS = 100
/** An editor's request unanswered after this long counts as hung. */
const EDITOR_BOUND_MS = 30_000
/** What a save or a transition may answer besides success when the database is at a limit. */
const CLEAN_REFUSALS = [409, 423, 503]

const session = createSession({
  name: 'load',
  keep: args.keep,
  timeoutMinutes: Number(args.timeout),
})
const { log } = session

// ─── what the editors did ────────────────────────────────────────────────────────────────────

type Save = {
  editor: string
  article: number
  via: 'rest' | 'graphql'
  marker: string
  sentAt: number
  ackAt: number
  status: number
}
type Transition = {
  editor: string
  article: number
  transition: 'publish' | 'unpublish'
  sentAt: number
  ackAt: number
  status: number
}
/** One anonymous read of the live articles: id → dek (absent: not published). */
type Observation = { sentAt: number; receivedAt: number; live: Map<number, string> }

const saves: Save[] = []
const transitions: Transition[] = []
const observations: Observation[] = []
const editorStatuses: Record<string, number> = {}
let editorErrors = 0
let editorTimeouts = 0

const lexical = (text: string) => blocksToLexical([text])

type Json = Record<string, unknown>

const main = async () => {
  const loadAtStart = os.loadavg()
  const workDir = await session.makeWorkDir()
  log(`${ARTICLES} articles, ${SECONDS} s, ${CONNECTIONS} readers; working in ${workDir}`)
  const { databaseUrl, env, imported } = await prepareDatabase(session, {
    articles: ARTICLES,
    seed: Number(args.seed),
  })
  const { homePath } = await productionBuild(session)
  const { url: next, port: nextPort, proc: nextProc } = await startNext(session, env, homePath)
  const memory = memorySampler(nextProc.pid!, 500)

  const api = async (
    path: string,
    {
      method = 'GET',
      token,
      body,
      timeoutMs = 60_000,
    }: { method?: string; token?: string; body?: unknown; timeoutMs?: number } = {},
  ) => {
    const response = await fetch(`${next}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    let json: Json = {}
    try {
      json = JSON.parse(text) as Json
    } catch {
      // not JSON
    }
    return { status: response.status, json, text }
  }
  const must = async (
    what: string,
    answer: Promise<{ status: number; text: string; json: Json }>,
  ) => {
    const { status, text, json } = await answer
    if (status >= 300) throw new Error(`${what}: ${status} ${text.slice(0, 300)}`)
    return json
  }
  const loginAs = async (email: string, password: string) =>
    (
      await must(
        `login ${email}`,
        api('/api/users/login', { method: 'POST', body: { email, password } }),
      )
    ).token as string

  // ── editors and their articles ──
  const admin = await loginAs('admin@caspiandigest.example', 'demo-admin')
  const editors: { name: string; token: string }[] = []
  for (let i = 0; i < EDITORS + SHARED_EDITORS; i++) {
    const email = `load-editor-${i}@caspiandigest.example`
    await must(
      `create ${email}`,
      api('/api/users', {
        method: 'POST',
        token: admin,
        body: { email, password: 'load-editor-pass', name: `Load editor ${i}`, roles: ['editor'] },
      }),
    )
    editors.push({ name: `e${i}`, token: await loginAs(email, 'load-editor-pass') })
  }
  const ready = (
    (
      await must(
        'a published article with a hero image',
        api(
          '/api/articles?limit=1&depth=0&where[heroImage][exists]=true&where[language][equals]=en',
        ),
      )
    ).docs as { category: number; authors: number[]; heroImage: number }[]
  )[0]
  const initialDek = new Map<number, string>()
  const createPublished = async (token: string, title: string) => {
    const dek = `Initial dek of ${title}`
    const created = await must(
      `create ${title}`,
      api('/api/articles?draft=true', {
        method: 'POST',
        token,
        body: {
          title,
          language: 'en',
          dek,
          body: lexical(dek),
          category: ready.category,
          authors: ready.authors,
          heroImage: ready.heroImage,
        },
      }),
    )
    const id = (created.doc as { id: number }).id
    await must(
      `publish ${title}`,
      api(`/api/articles/${id}/transition`, {
        method: 'POST',
        token,
        body: { transition: 'publish' },
      }),
    )
    initialDek.set(id, dek)
    return id
  }
  const own = new Map<string, number[]>()
  for (const editor of editors.slice(0, EDITORS)) {
    const ids: number[] = []
    for (let j = 0; j < OWN_ARTICLES; j++) {
      ids.push(await createPublished(editor.token, `Load test ${editor.name} article ${j}`))
    }
    own.set(editor.name, ids)
  }
  const sharedEditors = editors.slice(EDITORS)
  const shared: number[] = []
  for (let j = 0; j < SHARED_ARTICLES; j++) {
    shared.push(
      await createPublished(sharedEditors[0]?.token ?? admin, `Load test shared article ${j}`),
    )
  }
  const touched = [...initialDek.keys()]
  const published = new Set(touched)
  log(`${editors.length} editors, ${touched.length} articles of theirs published`)

  // ── readers' paths ──
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
  const words = searchWords()
  let q = 0
  const searchPath = () => {
    const n = q++
    const first = words[n % words.length]
    const second = words[Math.floor(n / words.length) % words.length]
    return `/en/search?q=${first}+${second}`
  }

  // ── the run ──
  const rssAtStart = memory.now()
  const t0 = Date.now()
  const deadline = t0 + SECONDS * 1000
  let marker = 0
  const now = () => Date.now() - t0

  /** A GraphQL answer as a status: 200 with data, or the refusal's status (500 when unknown). */
  const graphqlStatus = ({ status, json }: { status: number; json: Json }) => {
    const errors = json.errors as { extensions?: { statusCode?: number } }[] | undefined
    if (status !== 200 || !errors?.length) return status
    return errors[0].extensions?.statusCode ?? 500
  }
  const failed = (error: unknown) => {
    if ((error as Error).name === 'TimeoutError') editorTimeouts++
    else editorErrors++
  }
  /** A draft save of dek and body: every other one over GraphQL, the rest over REST. */
  const save = async (editor: { name: string; token: string }, article: number) => {
    const n = ++marker
    const text = `Load save ${editor.name}-${n} at ${now()} ms`
    const via = n % 2 ? 'graphql' : 'rest'
    const entry: Save = {
      editor: editor.name,
      article,
      via,
      marker: text,
      sentAt: now(),
      ackAt: -1,
      status: 0,
    }
    saves.push(entry)
    try {
      const status =
        via === 'rest'
          ? (
              await api(`/api/articles/${article}?draft=true&depth=0`, {
                method: 'PATCH',
                token: editor.token,
                body: { dek: text, body: lexical(text) },
                timeoutMs: EDITOR_BOUND_MS,
              })
            ).status
          : graphqlStatus(
              await api('/api/graphql', {
                method: 'POST',
                token: editor.token,
                body: {
                  query:
                    'mutation($id: Int!, $dek: String, $body: JSON) { updateArticle(id: $id, draft: true, data: { dek: $dek, body: $body }) { id } }',
                  variables: { id: article, dek: text, body: lexical(text) },
                },
                timeoutMs: EDITOR_BOUND_MS,
              }),
            )
      entry.status = status
      editorStatuses[status] = (editorStatuses[status] ?? 0) + 1
    } catch (error) {
      failed(error)
    }
    entry.ackAt = now()
  }
  const toggle = async (editor: { name: string; token: string }, article: number) => {
    const transition = published.has(article) ? 'unpublish' : 'publish'
    const entry: Transition = {
      editor: editor.name,
      article,
      transition,
      sentAt: now(),
      ackAt: -1,
      status: 0,
    }
    transitions.push(entry)
    try {
      const { status } = await api(`/api/articles/${article}/transition`, {
        method: 'POST',
        token: editor.token,
        body: { transition },
        timeoutMs: EDITOR_BOUND_MS,
      })
      entry.status = status
      editorStatuses[status] = (editorStatuses[status] ?? 0) + 1
      if (status === 200) {
        if (transition === 'publish') published.add(article)
        else published.delete(article)
      }
    } catch (error) {
      failed(error)
    }
    entry.ackAt = now()
  }
  const think = () => sleep(200 + Math.random() * 200)

  /** An editor on their own articles: saves, and every sixth action a publish or unpublish. */
  const ownEditor = async (editor: { name: string; token: string }) => {
    const ids = own.get(editor.name)!
    for (let n = 0; Date.now() < deadline; n++) {
      const article = ids[n % ids.length]
      if (n % 6 === 5) await toggle(editor, article)
      else await save(editor, article)
      await think()
    }
  }
  /**
   * The shared editors save the same article at the same moment, every two seconds, taking the
   * shared articles in turn; every fourth round the first of them also publishes or unpublishes
   * it in the middle of the saves.
   */
  const sharedRounds = async () => {
    for (let round = 0; Date.now() < deadline; round++) {
      const article = shared[round % shared.length]
      const started = Date.now()
      await Promise.all([
        ...sharedEditors.map((editor) => save(editor, article)),
        ...(round % 4 === 3 && sharedEditors[0] ? [toggle(sharedEditors[0], article)] : []),
      ])
      await sleep(Math.max(0, 2000 - (Date.now() - started)))
    }
  }
  /** An anonymous reader of the live text of every touched article, twice a second. */
  const observe = async () => {
    const query = `/api/articles?depth=0&limit=${touched.length}&select[dek]=true&where[id][in]=${touched.join(',')}`
    while (Date.now() < deadline) {
      const sentAt = now()
      try {
        const { status, json } = await api(query)
        if (status === 200) {
          observations.push({
            sentAt,
            receivedAt: now(),
            live: new Map(
              (json.docs as { id: number; dek: string }[]).map((doc) => [doc.id, doc.dek]),
            ),
          })
        }
      } catch {
        // a failed read says nothing; the readers' figures count errors
      }
      await sleep(500)
    }
  }

  const readers = (connections: number, paths: () => string, base = next) =>
    load(base, { paths, connections, duration: SECONDS })
  const articleConnections = Math.round(CONNECTIONS * 0.6)
  const homeConnections = Math.round(CONNECTIONS * 0.2)
  const searchConnections = CONNECTIONS - articleConnections - homeConnections
  const [articlesLoad, homeLoad, searchLoad] = await Promise.all([
    readers(articleConnections, articlePath),
    readers(homeConnections, () => homes[h++ % homes.length]),
    readers(searchConnections, searchPath),
    ...editors.slice(0, EDITORS).map(ownEditor),
    sharedRounds(),
    observe(),
  ])
  const rssAtEnd = memory.now()
  const runSeconds = (Date.now() - t0) / 1000
  log(`load done after ${runSeconds.toFixed(1)} s; letting the server settle for 10 s`)
  await sleep(10_000)
  const rssSettled = memory.now()
  // A server that died under the load (e.g. out of heap) fails the run with its last words.
  if (nextProc.exitCode !== null || nextProc.signalCode !== null) {
    const last = (await readFile(path.join(workDir, 'next.log'), 'utf8').catch(() => ''))
      .split('\n')
      .filter((line) => /FATAL|Error/.test(line))
      .slice(-3)
      .join(' | ')
    throw new Error(
      `next start exited during the load (${nextProc.exitCode ?? nextProc.signalCode}): ${last}`,
    )
  }

  // Optionally, the same article mix through nginx, after the run (the proxy serves cached pages;
  // 5xx would come from Next, which the run above measured directly).
  let proxied: Load | null = null
  if (args.proxy) {
    try {
      const proxy = await startProxy(session, nextPort, homePath)
      proxied = await readers(articleConnections, articlePath, proxy.url)
    } catch (error) {
      log(`proxy: ${(error as Error).message}`)
    }
  }
  const { peakRssMb, peakHwmMb } = memory.stop()

  // ── the checks ──
  const checks: { check: string; pass: boolean; detail: string }[] = []
  const check = (name: string, pass: boolean, detail: string) =>
    checks.push({ check: name, pass, detail })
  const kinds = {
    'article pages': articlesLoad,
    'home pages (en, az, ru)': homeLoad,
    'search pages': searchLoad,
  }
  const statusesOf = (loads: Load[]) => {
    const all: Record<string, number> = {}
    for (const l of loads)
      for (const [status, count] of Object.entries(l.statuses))
        all[status] = (all[status] ?? 0) + count
    return all
  }
  const readerStatuses = statusesOf(Object.values(kinds))
  const countWhere = (statuses: Record<string, number>, test: (status: number) => boolean) =>
    Object.entries(statuses)
      .filter(([status]) => test(Number(status)))
      .reduce((sum, [, count]) => sum + count, 0)
  const describe = (statuses: Record<string, number>) =>
    Object.entries(statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ') || 'none'
  const reader5xx = countWhere(readerStatuses, (s) => s >= 500)
  const reader4xx = countWhere(readerStatuses, (s) => s >= 400 && s < 500)
  const readerErrors = Object.values(kinds).reduce((sum, l) => sum + l.errors, 0)
  const readerTimeouts = Object.values(kinds).reduce((sum, l) => sum + l.timeouts, 0)
  check('readers: no 5xx', reader5xx === 0, `responses by status: ${describe(readerStatuses)}`)
  check('readers: no 4xx (every path read exists)', reader4xx === 0, `${reader4xx} responses 4xx`)
  check(
    'readers: no connection errors',
    readerErrors === 0,
    `${readerErrors} errors; ${readerTimeouts} timeouts (10 s; reported, not failed: the cores are shared)`,
  )
  const editorOther5xx = countWhere(editorStatuses, (s) => s >= 500 && !CLEAN_REFUSALS.includes(s))
  const acked = saves.filter((s) => s.status === 200)
  check(
    `editors: every request answered within ${EDITOR_BOUND_MS / 1000} s`,
    editorTimeouts === 0,
    `${editorTimeouts} requests unanswered after ${EDITOR_BOUND_MS / 1000} s`,
  )
  check(
    `editors: a save or a clean refusal (${CLEAN_REFUSALS.join('/')}), no other 5xx, no connection errors`,
    editorOther5xx === 0 && editorErrors === 0,
    `responses by status: ${describe(editorStatuses)}; ${editorErrors} errors`,
  )

  // Every acknowledged save is in the article's versions; the final draft is the last one.
  const lost: string[] = []
  const notes: string[] = []
  for (const id of touched) {
    // A server that stopped answering (it hung under the load) fails the check, not the run.
    try {
      const versions = await must(
        `versions of ${id}`,
        api(
          `/api/articles/versions?where[parent][equals]=${id}&limit=${MAX_VERSIONS + 10}&depth=0&sort=-updatedAt`,
          {
            token: admin,
          },
        ),
      )
      const docs = versions.docs as { version: { dek: string; body: unknown; _status: string } }[]
      if ((versions.totalDocs as number) >= MAX_VERSIONS) {
        lost.push(
          `article ${id}: ${versions.totalDocs} versions, older ones pruned: cannot verify (lower --seconds)`,
        )
        continue
      }
      const inVersions = new Set(
        docs
          .filter(
            (d) => d.version.dek && JSON.stringify(d.version.body ?? '').includes(d.version.dek),
          )
          .map((d) => d.version.dek),
      )
      const mine = acked.filter((s) => s.article === id)
      for (const s of mine)
        if (!inVersions.has(s.marker)) lost.push(`article ${id}: "${s.marker}" not in its versions`)
      const draft = await must(
        `draft of ${id}`,
        api(`/api/articles/${id}?draft=true&depth=0`, { token: admin }),
      )
      // The last acknowledged save: one that no acknowledged save began after.
      const lastOnes = mine.filter((s) => !mine.some((other) => other.sentAt > s.ackAt))
      const finalDek = draft.dek as string
      if (mine.length && !lastOnes.some((s) => s.marker === finalDek)) {
        lost.push(
          `article ${id}: final draft "${finalDek}", last acknowledged ${lastOnes.map((s) => `"${s.marker}"`).join(' or ')}`,
        )
      }
      if (!JSON.stringify(draft.body).includes(finalDek)) {
        lost.push(`article ${id}: the final draft's body and dek are from different saves`)
      }
      // Published text: the live row is the newest published version.
      const live = await api(`/api/articles/${id}?depth=0`)
      const newestPublished = docs.find((d) => d.version._status === 'published')
      if (live.status === 200 && newestPublished && live.json.dek !== newestPublished.version.dek) {
        notes.push(
          `article ${id}: live "${live.json.dek as string}" is not the newest published version`,
        )
      }
    } catch (error) {
      lost.push(`cannot verify: the server did not answer (${(error as Error).message})`)
      break
    }
  }
  check(
    'no lost save',
    lost.length === 0,
    lost.length
      ? lost.slice(0, 5).join('; ')
      : `${acked.length} acknowledged saves on ${touched.length} articles all in the versions; every final draft is the last acknowledged save`,
  )

  // The live text changed only across a publish (or an unpublish hid it).
  const attempted = new Set([...saves.map((s) => s.marker), ...initialDek.values()])
  const liveChanges: string[] = []
  let changes = 0
  for (let i = 1; i < observations.length; i++) {
    const before = observations[i - 1]
    const after = observations[i]
    for (const id of touched) {
      const was = before.live.get(id)
      const is = after.live.get(id)
      if (is !== undefined && !attempted.has(is))
        liveChanges.push(`article ${id}: unknown live text "${is}"`)
      if (was === is) continue
      changes++
      const explained = transitions.some(
        (t) =>
          t.article === id &&
          // acknowledged, or of unknown outcome (an error, a 5xx: failed above anyway)
          (t.status === 200 || t.status === 0 || t.status >= 500) &&
          t.sentAt < after.receivedAt &&
          (t.ackAt < 0 || t.ackAt > before.sentAt),
      )
      if (!explained)
        liveChanges.push(
          `article ${id}: live text changed between ${before.sentAt} and ${after.receivedAt} ms without a publish`,
        )
    }
  }
  check(
    'published text changed only by a publish',
    liveChanges.length === 0 && notes.length === 0,
    liveChanges.length || notes.length
      ? [...liveChanges, ...notes].slice(0, 5).join('; ')
      : `${observations.length} anonymous reads of ${touched.length} articles; ${changes} changes of the live text, each across a publish or unpublish`,
  )
  // Bounded memory: the peak under the limit; start and end printed (no steady growth).
  const during = memory.samples.filter((s) => s.mb > 0)
  check(
    `server peak RSS ≤ ${RSS_LIMIT_MB} MB`,
    peakRssMb <= RSS_LIMIT_MB,
    `peak ${peakRssMb.toFixed(0)} MB (largest VmHWM of one process ${peakHwmMb.toFixed(0)} MB); at the start of the load ${rssAtStart.toFixed(0)} MB, at its end ${rssAtEnd.toFixed(0)} MB, 10 s later ${rssSettled.toFixed(0)} MB; ${during.length} samples`,
  )

  // ── report ──
  const pct = (l: Load) => `${l.p50} / ${l.p95} / ${l.p99}`
  const rows = Object.entries(kinds).map(
    ([kind, l]) =>
      `| ${kind} | ${l.requests.toLocaleString('en')} | ${fmt(l.requestsPerSecond, '')} | ${pct(l)} | ${describe(l.statuses)} | ${l.errors} / ${l.timeouts} |`,
  )
  if (proxied) {
    rows.push(
      `| article pages through nginx (after the run, no editors) | ${proxied.requests.toLocaleString('en')} | ${fmt(proxied.requestsPerSecond, '')} | ${pct(proxied)} | ${describe(proxied.statuses)} | ${proxied.errors} / ${proxied.timeouts} |`,
    )
  }
  const readersTable = [
    '| readers | requests | req/s | p50 / p95 / p99 ms | responses by status | errors / timeouts |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
  const refused = saves.filter((s) => s.status !== 200 && s.status !== 0).length
  const sharedSaves = saves.filter((s) => shared.includes(s.article))
  type Sent = { status: number; sentAt: number; ackAt: number }
  const isRefusal = (s: Sent) =>
    (s.status >= 400 && s.status < 500) || CLEAN_REFUSALS.includes(s.status)
  /** attempted | acknowledged | refused | unanswered or other | p50 / p95 / max ms */
  const editorRow = (what: string, sent: Sent[]) => {
    const ms = sent
      .filter((s) => s.ackAt >= 0)
      .map((s) => s.ackAt - s.sentAt)
      .sort((a, b) => a - b)
    const ok = sent.filter((s) => s.status === 200).length
    const no = sent.filter(isRefusal).length
    return `| ${what} | ${sent.length} | ${ok} | ${no} | ${sent.length - ok - no} | ${percentile(ms, 50)} / ${percentile(ms, 95)} / ${ms.length ? Math.max(...ms) : 0} |`
  }
  const editorsTable = [
    '| editors | attempted | acknowledged (200) | refused (4xx, 409/423/503) | unanswered or other | p50 / p95 / max ms |',
    '| --- | --- | --- | --- | --- | --- |',
    editorRow('draft saves', saves),
    editorRow(
      'of which over REST',
      saves.filter((s) => s.via === 'rest'),
    ),
    editorRow(
      'of which over GraphQL',
      saves.filter((s) => s.via === 'graphql'),
    ),
    editorRow(`of which on the shared articles (${SHARED_EDITORS} editors at once)`, sharedSaves),
    editorRow('publish / unpublish', transitions),
  ].join('\n')
  const checksTable = [
    '| check | result | detail |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.check} | ${c.pass ? 'pass' : 'FAIL'} | ${c.detail} |`),
  ].join('\n')
  const machine = machineInfo(loadAtStart)
  const versions = await versionsOf(databaseUrl)
  const result = {
    date: new Date().toISOString(),
    machine,
    versions,
    data: { articles: ARTICLES, imported: imported.imported, seed: Number(args.seed) },
    run: {
      seconds: SECONDS,
      measuredSeconds: Number(runSeconds.toFixed(1)),
      connections: {
        articles: articleConnections,
        home: homeConnections,
        search: searchConnections,
      },
      editors: {
        own: EDITORS,
        ownArticlesEach: OWN_ARTICLES,
        shared: SHARED_EDITORS,
        sharedArticles: SHARED_ARTICLES,
      },
      rssLimitMb: RSS_LIMIT_MB,
    },
    readers: { ...kinds, ...(proxied ? { 'article pages through nginx': proxied } : {}) },
    editors: {
      saves: { attempted: saves.length, acknowledged: acked.length, refused },
      transitions: {
        attempted: transitions.length,
        acknowledged: transitions.filter((t) => t.status === 200).length,
      },
      statuses: editorStatuses,
      errors: editorErrors,
      timeouts: editorTimeouts,
    },
    memory: {
      rssAtStartMb: Math.round(rssAtStart),
      rssAtEndMb: Math.round(rssAtEnd),
      rssTenSecondsLaterMb: Math.round(rssSettled),
      peakRssMb: Math.round(peakRssMb),
      peakHwmMb: Math.round(peakHwmMb),
      samples: memory.samples.map((s) => [Number(s.s.toFixed(1)), Math.round(s.mb)]),
    },
    checks,
    pass: checks.every((c) => c.pass),
  }
  const markdown = `# Load run results

${result.date} · ${ARTICLES.toLocaleString('en')} articles generated, ${imported.imported.toLocaleString('en')} imported (seed ${args.seed}) on top of the demo newsroom

Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}; load average
${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end (the cores are shared:
other work on the machine lowers every figure).
Versions: Next ${versions.next}, Payload ${versions.payload}, React ${versions.react}, PostgreSQL ${versions.postgresql},
autocannon ${versions.autocannon}.
Run: ${SECONDS} s on 127.0.0.1, the production build under \`next start\`, readers straight against Next at
${CONNECTIONS} connections (${articleConnections} on article pages, half on the 40 newest and half across the archive, ${homeConnections} on /en, /az and /ru, ${searchConnections} on search with a different
two-word query each time), while ${EDITORS} editors saved drafts of their own ${OWN_ARTICLES} articles each and published or
unpublished them through the workflow endpoint, and ${SHARED_EDITORS} editors saved the same article at the same moment every
two seconds (${SHARED_ARTICLES} articles in turn, with a publish or unpublish in every fourth round): ${EDITORS + SHARED_EDITORS}
editors at once, every other save over GraphQL, the others over REST. An editor's request unanswered after ${EDITOR_BOUND_MS / 1000} s is hung.
Latencies are those of answered requests; a request with no answer within 10 s is a timeout.

${readersTable}

${editorsTable}

Memory (\`next start\` and its children, from /proc every 500 ms): ${rssAtStart.toFixed(0)} MB at the start of the load,
${rssAtEnd.toFixed(0)} MB at its end, ${rssSettled.toFixed(0)} MB ten seconds later, peak ${peakRssMb.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB).

${checksTable}

Overall: ${result.pass ? 'pass' : 'FAIL'}
`
  console.log(`\n${readersTable}\n\n${editorsTable}\n\n${checksTable}\n`)
  await writeResults('load', markdown, result)
  log(`wrote bench/results/load.md and load.json: ${result.pass ? 'pass' : 'FAIL'}`)
  return result.pass ? 0 : 1
}

session.finish(main)
