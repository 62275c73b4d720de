import type { Metadata } from 'next'

/**
 * Reference pages for the benchmark's "cached article page from Next alone ÷ a force-static Next
 * page of the same size": `/next/reference/<kb>`, plain text of roughly that many kilobytes of
 * HTML (with its inlined RSC payload), built as static files. The `.bench.tsx` extension keeps
 * this route (and its root layout) out of every build but one made with
 * `BENCH_REFERENCE_PAGES=true` (next.config.mjs adds the extension then; `npm run bench` sets it):
 * any other build has no such route and answers 404, and robots.txt keeps crawlers out of `/next/`.
 */
export const dynamic = 'force-static'
export const dynamicParams = false

/** Sizes in KB; the benchmark takes the one closest to the article page it measures. */
const REFERENCE_SIZES_KB = Array.from({ length: 40 }, (_, i) => 8 * (i + 1))

export const generateStaticParams = async () => REFERENCE_SIZES_KB.map((kb) => ({ kb: String(kb) }))

export const metadata: Metadata = { title: 'Reference page', robots: { index: false } }

const WORDS =
  'harbour freight corridor ministry parliament exports season record rail ferry budget report'.split(
    ' ',
  )

/** Deterministic filler: paragraphs of words, about `chars` characters in all. */
const paragraphs = (chars: number) => {
  const out: string[] = []
  let total = 0
  let n = 0
  while (total < chars) {
    const words: string[] = []
    for (let i = 0; i < 80; i++) words.push(WORDS[(n * 7 + i * 3 + (i >> 2)) % WORDS.length])
    const text = `${words.join(' ')}.`
    out.push(text)
    total += text.length
    n++
  }
  return out
}

export default async function ReferencePage({ params }: { params: Promise<{ kb: string }> }) {
  const { kb } = await params
  // The text appears twice in the document: as HTML and in the inlined RSC payload.
  const text = paragraphs((Number(kb) * 1024) / 2.2)
  return (
    <main>
      <h1>Reference page, {kb} KB</h1>
      {text.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </main>
  )
}
