/**
 * Lighthouse's mobile performance score of one page, in Debian's Chromium (headless, no
 * background networking: the machine has no internet). Used by the benchmark (run.ts); also
 * runs alone:
 *
 *   npx tsx scripts/bench/lighthouse.ts http://127.0.0.1:8080/en/articles/some-slug [runs]
 *
 * Lighthouse's default mobile settings: a Moto G Power screen, simulated slow 4G and 4× CPU
 * slowdown (the simulation is what makes the score comparable across machines; the machine's
 * own speed still matters through the CPU benchmark it takes). With several runs, the median
 * run by score is kept, as Lighthouse's docs advise.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** The flags tests/helpers/browser.ts gives Chromium, plus headless. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export type LighthouseResult = {
  /** 0–100 */
  score: number
  lcpMs: number
  tbtMs: number
  cls: number
  fcpMs: number
  speedIndexMs: number
  /** bytes transferred by the page, all resources, and scripts only */
  transferKb: number
  scriptKb: number
  /** Lighthouse's CPU benchmark of this machine (higher is faster) */
  benchmarkIndex: number
  /** every run's score, the kept run's first */
  scores: number[]
}

const runOnce = async (url: string, port: number): Promise<LighthouseResult> => {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    // The default config is the mobile preset.
  })
  if (!result) throw new Error('Lighthouse returned no result')
  const { lhr } = result
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`)
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN
  const items = ((lhr.audits['network-requests']?.details as { items?: unknown[] } | undefined)
    ?.items ?? []) as { transferSize?: number; resourceType?: string }[]
  const sum = (list: typeof items) => list.reduce((s, i) => s + (i.transferSize ?? 0), 0) / 1024
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    fcpMs: audit('first-contentful-paint'),
    speedIndexMs: audit('speed-index'),
    transferKb: sum(items),
    scriptKb: sum(items.filter((i) => i.resourceType === 'Script')),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    scores: [],
  }
}

/** Runs Lighthouse `runs` times on `url` and returns the median run by score. */
export const lighthouseMobile = async (url: string, runs = 3): Promise<LighthouseResult> => {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  })
  try {
    const results: LighthouseResult[] = []
    for (let i = 0; i < runs; i++) results.push(await runOnce(url, chrome.port))
    const sorted = [...results].sort((a, b) => a.score - b.score)
    const median = sorted[Math.floor(sorted.length / 2)]
    return { ...median, scores: results.map((r) => r.score) }
  } finally {
    await chrome.kill()
  }
}

// Run alone: print the result.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2]
  if (!url) {
    console.error('usage: tsx scripts/bench/lighthouse.ts <page URL> [runs]')
    process.exit(2)
  }
  const r = await lighthouseMobile(url, Number(process.argv[3] ?? 3))
  console.log(
    `performance ${r.score} (runs ${r.scores.join(', ')}) · LCP ${Math.round(r.lcpMs)} ms · TBT ${Math.round(r.tbtMs)} ms · CLS ${r.cls.toFixed(3)} · FCP ${Math.round(r.fcpMs)} ms · SI ${Math.round(r.speedIndexMs)} ms · transfer ${r.transferKb.toFixed(1)} KB (scripts ${r.scriptKb.toFixed(1)} KB) · benchmarkIndex ${Math.round(r.benchmarkIndex)}`,
  )
}
