/** Publish → visible: how long a publish takes to show on the home and article pages. */
import { instanceName, type Bench } from './context'

type Ids = { category: number; author: number; media: number }

/** An editor's token and what a new article needs (a section, an author, an image). */
const editorAndIds = async (bench: Bench) => {
  const login = await fetch(`${bench.next}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@caspiandigest.example', password: 'demo-editor' }),
  })
  if (!login.ok) throw new Error(`login: ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  const { rows } = await bench.pool
    .query<Ids>(
      `SELECT (SELECT id FROM categories WHERE slug = 'news') AS category,
              (SELECT id FROM authors ORDER BY id LIMIT 1) AS author,
              (SELECT _parent_id FROM media_locales WHERE alt IS NOT NULL ORDER BY _parent_id LIMIT 1) AS media`,
    )
    .catch(() =>
      bench.pool.query<Ids>(
        `SELECT (SELECT id FROM categories WHERE slug = 'news') AS category,
                (SELECT id FROM authors ORDER BY id LIMIT 1) AS author,
                (SELECT id FROM media ORDER BY id LIMIT 1) AS media`,
      ),
    )
  return {
    auth: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    ids: rows[0],
  }
}

type Editor = Awaited<ReturnType<typeof editorAndIds>>

/**
 * One publish sent to `bench.next`, read back from each of `watchers` (a base URL each) until
 * both pages show it there: the time from sending the publish to the first page that shows it,
 * by watcher and page (null when not within 10 s).
 */
const publishAndWatch = async (
  bench: Bench,
  watchers: { where: string; base: string }[],
  { auth, ids }: Editor,
  titleTag: string,
) => {
  const { next, homePath, hasArticlePage } = bench
  const title = `Benchmark publish ${titleTag} ${Date.now()}`
  const created = await fetch(`${next}/api/articles?draft=true`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      title,
      language: 'en',
      dek: 'Written by the benchmark to time a publish.',
      category: ids.category,
      authors: [ids.author],
      heroImage: ids.media,
      _status: 'draft',
    }),
  })
  if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`)
  const { doc } = (await created.json()) as { doc: { id: number; slug: string } }
  const pages = [
    { name: 'home page', path: homePath },
    ...(hasArticlePage ? [{ name: 'article page', path: `/en/articles/${doc.slug}` }] : []),
  ]
  const checks = watchers.flatMap((watcher) => pages.map((page) => ({ watcher, page })))
  // Both pages are in the caches before the publish (the article's URL as a 404).
  for (const { watcher, page } of checks) await fetch(`${watcher.base}${page.path}`)
  const t0 = performance.now()
  const published = await fetch(`${next}/api/articles/${doc.id}/transition`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ transition: 'publish' }),
  })
  if (!published.ok) throw new Error(`publish: ${published.status} ${await published.text()}`)
  const publishMs = performance.now() - t0
  const visibleMs = new Map<(typeof checks)[number], number>()
  while (visibleMs.size < checks.length && performance.now() - t0 < 10_000) {
    for (const check of checks) {
      if (visibleMs.has(check)) continue
      const response = await fetch(`${check.watcher.base}${check.page.path}`)
      const html = await response.text()
      if (response.ok && html.includes(title)) visibleMs.set(check, performance.now() - t0)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return {
    publishMs,
    results: checks.map((check) => ({ ...check, value: visibleMs.get(check) ?? null })),
  }
}

const visibleFigure = (
  bench: Bench,
  figure: string,
  pageName: string,
  value: number | null,
  publishMs: number,
  more = '',
) =>
  bench.add({
    figure,
    value,
    unit: 'ms',
    goal: '≤ 1000 ms',
    ok: (v) => v <= 1000,
    note:
      value === null
        ? 'not visible within 10 s'
        : `from sending the publish (which took ${Math.round(publishMs)} ms) to the first ${pageName} that shows it${more}`,
  })

/** Publish → visible on the home and article pages, from Next and through the proxy. */
export const measurePublish = (bench: Bench) =>
  bench.attempt('publish → visible', '≤ 1 s', async () => {
    const editor = await editorAndIds(bench)
    const watchers = [
      { where: 'from Next', base: bench.next, tag: 'direct' },
      ...(bench.proxyUp ? [{ where: 'through the proxy', base: bench.proxy, tag: 'proxied' }] : []),
    ]
    for (const watcher of watchers) {
      const { publishMs, results } = await publishAndWatch(bench, [watcher], editor, watcher.tag)
      for (const { page, value } of results) {
        visibleFigure(
          bench,
          `publish → visible on the ${page.name}, ${watcher.where}`,
          page.name,
          value,
          publishMs,
        )
        bench.log(
          `publish → ${page.name} ${watcher.where}: ${value === null ? 'not within 10 s' : `${Math.round(value)} ms`}`,
        )
      }
    }
    if (!bench.hasArticlePage) {
      bench.notMeasured(
        'publish → visible on the article page',
        '≤ 1000 ms',
        'not available: no article route in this build',
      )
    }
  })

/**
 * With `--instances`: a publish sent to instance A, read back from every other instance
 * directly and through nginx. Twice: the first publish of the run (the instances load the code
 * a publish runs, on A and in the revalidation route) and a second one.
 */
export const measurePublishAcross = (bench: Bench) =>
  bench.attempt('publish → visible across instances', '≤ 1 s', async () => {
    const { stack } = bench
    if (!stack) throw new Error('no topology started')
    const editor = await editorAndIds(bench)
    const watchers = [
      ...stack.instances.slice(1).map((instance) => ({
        where: `on instance ${instanceName(instance.index)}`,
        base: instance.url,
      })),
      { where: 'through nginx', base: stack.proxyUrl },
    ]
    for (const [which, tag] of [
      ['first publish of the run', 'first'],
      ['second publish', 'second'],
    ] as const) {
      const { publishMs, results } = await publishAndWatch(bench, watchers, editor, `across ${tag}`)
      for (const { watcher, page, value } of results) {
        visibleFigure(
          bench,
          `publish on instance A → visible on the ${page.name} ${watcher.where} (${which})`,
          page.name,
          value,
          publishMs,
          ` ${watcher.where}`,
        )
        bench.log(
          `publish on A → ${page.name} ${watcher.where} (${which}): ${value === null ? 'not within 10 s' : `${Math.round(value)} ms`}`,
        )
      }
    }
  })
