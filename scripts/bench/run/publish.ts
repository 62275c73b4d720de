/** Publish → visible: how long a publish takes to show on the home and article pages. */
import type { Bench } from './context'

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

/** One publish, read back from `base` (Next or the proxy) until both pages show it. */
const publishAndWatch = async (
  bench: Bench,
  where: 'Next' | 'the proxy',
  base: string,
  { auth, ids }: Awaited<ReturnType<typeof editorAndIds>>,
) => {
  const { next, homePath, hasArticlePage } = bench
  const title = `Benchmark publish ${where === 'Next' ? 'direct' : 'proxied'} ${Date.now()}`
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
  // Both pages are in the caches before the publish (the article's URL as a 404).
  for (const page of pages) await fetch(`${base}${page.path}`)
  const t0 = performance.now()
  const published = await fetch(`${next}/api/articles/${doc.id}/transition`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ transition: 'publish' }),
  })
  if (!published.ok) throw new Error(`publish: ${published.status} ${await published.text()}`)
  const publishMs = performance.now() - t0
  const visibleMs = new Map<string, number>()
  while (visibleMs.size < pages.length && performance.now() - t0 < 10_000) {
    for (const page of pages) {
      if (visibleMs.has(page.name)) continue
      const response = await fetch(`${base}${page.path}`)
      const html = await response.text()
      if (response.ok && html.includes(title)) visibleMs.set(page.name, performance.now() - t0)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  for (const page of pages) {
    const value = visibleMs.get(page.name) ?? null
    bench.add({
      figure: `publish → visible on the ${page.name}, ${where === 'Next' ? 'from Next' : 'through the proxy'}`,
      value,
      unit: 'ms',
      goal: '≤ 1000 ms',
      ok: (v) => v <= 1000,
      note:
        value === null
          ? 'not visible within 10 s'
          : `from sending the publish (which took ${Math.round(publishMs)} ms) to the first ${page.name} that shows it`,
    })
    bench.log(
      `publish → ${page.name} via ${where}: ${value === null ? 'not within 10 s' : `${Math.round(value)} ms`}`,
    )
  }
}

/** Publish → visible on the home and article pages, from Next and through the proxy. */
export const measurePublish = (bench: Bench) =>
  bench.attempt('publish → visible', '≤ 1 s', async () => {
    const editor = await editorAndIds(bench)
    await publishAndWatch(bench, 'Next', bench.next, editor)
    if (bench.proxyUp) await publishAndWatch(bench, 'the proxy', bench.proxy, editor)
    if (!bench.hasArticlePage) {
      bench.notMeasured(
        'publish → visible on the article page',
        '≤ 1000 ms',
        'not available: no article route in this build',
      )
    }
  })
