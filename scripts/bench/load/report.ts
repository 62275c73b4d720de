/** The load run's tables, printed and written to bench/results/load.md and load.json. */
import { fmt, machineInfo, percentile, versionsOf, writeResults, type Load } from '../lib'
import { describeStatuses, type Check } from './checks'
import {
  CLEAN_REFUSALS,
  EDITOR_BOUND_MS,
  OWN_ARTICLES,
  SHARED_ARTICLES,
  type EditorLog,
  type LoadOptions,
} from './context'

export type LoadReport = {
  options: LoadOptions
  loadAtStart: number[]
  databaseUrl: string
  imported: number
  runSeconds: number
  connections: { articles: number; home: number; search: number }
  kinds: Record<string, Load>
  proxied: Load | null
  editors: EditorLog
  shared: number[]
  checks: Check[]
  memory: {
    rssAtStart: number
    rssAtEnd: number
    rssSettled: number
    peakRssMb: number
    peakHwmMb: number
    samples: { s: number; mb: number }[]
  }
}

const pct = (l: Load) => `${l.p50} / ${l.p95} / ${l.p99}`

const readersTableOf = ({ kinds, proxied }: LoadReport) => {
  const rows = Object.entries(kinds).map(
    ([kind, l]) =>
      `| ${kind} | ${l.requests.toLocaleString('en')} | ${fmt(l.requestsPerSecond, '')} | ${pct(l)} | ${describeStatuses(l.statuses)} | ${l.errors} / ${l.timeouts} |`,
  )
  if (proxied) {
    rows.push(
      `| article pages through nginx (after the run, no editors) | ${proxied.requests.toLocaleString('en')} | ${fmt(proxied.requestsPerSecond, '')} | ${pct(proxied)} | ${describeStatuses(proxied.statuses)} | ${proxied.errors} / ${proxied.timeouts} |`,
    )
  }
  return [
    '| readers | requests | req/s | p50 / p95 / p99 ms | responses by status | errors / timeouts |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}

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

const editorsTableOf = ({ editors: { saves, transitions }, shared, options }: LoadReport) =>
  [
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
    editorRow(
      `of which on the shared articles (${options.sharedEditors} editors at once)`,
      saves.filter((s) => shared.includes(s.article)),
    ),
    editorRow('publish / unpublish', transitions),
  ].join('\n')

const checksTableOf = ({ checks }: LoadReport) =>
  [
    '| check | result | detail |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.check} | ${c.pass ? 'pass' : 'FAIL'} | ${c.detail} |`),
  ].join('\n')

/** Prints the tables and writes the results; answers whether every check passed. */
export const reportLoad = async (report: LoadReport) => {
  const { options, editors, memory, connections, checks } = report
  const readersTable = readersTableOf(report)
  const editorsTable = editorsTableOf(report)
  const checksTable = checksTableOf(report)
  const machine = machineInfo(report.loadAtStart)
  const versions = await versionsOf(report.databaseUrl)
  const acked = editors.saves.filter((s) => s.status === 200)
  const refused = editors.saves.filter((s) => s.status !== 200 && s.status !== 0).length
  const result = {
    date: new Date().toISOString(),
    machine,
    versions,
    data: { articles: options.articles, imported: report.imported, seed: options.seed },
    run: {
      seconds: options.seconds,
      measuredSeconds: Number(report.runSeconds.toFixed(1)),
      connections,
      editors: {
        own: options.editors,
        ownArticlesEach: OWN_ARTICLES,
        shared: options.sharedEditors,
        sharedArticles: SHARED_ARTICLES,
      },
      rssLimitMb: options.rssLimitMb,
    },
    readers: {
      ...report.kinds,
      ...(report.proxied ? { 'article pages through nginx': report.proxied } : {}),
    },
    editors: {
      saves: { attempted: editors.saves.length, acknowledged: acked.length, refused },
      transitions: {
        attempted: editors.transitions.length,
        acknowledged: editors.transitions.filter((t) => t.status === 200).length,
      },
      statuses: editors.statuses,
      errors: editors.errors,
      timeouts: editors.timeouts,
    },
    memory: {
      rssAtStartMb: Math.round(memory.rssAtStart),
      rssAtEndMb: Math.round(memory.rssAtEnd),
      rssTenSecondsLaterMb: Math.round(memory.rssSettled),
      peakRssMb: Math.round(memory.peakRssMb),
      peakHwmMb: Math.round(memory.peakHwmMb),
      samples: memory.samples.map((s) => [Number(s.s.toFixed(1)), Math.round(s.mb)]),
    },
    checks,
    pass: checks.every((c) => c.pass),
  }
  const markdown = `# Load run results

${result.date} · ${options.articles.toLocaleString('en')} articles generated, ${report.imported.toLocaleString('en')} imported (seed ${options.seed}) on top of the demo newsroom

Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}; load average
${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end (the cores are shared:
other work on the machine lowers every figure).
Versions: Next ${versions.next}, Payload ${versions.payload}, React ${versions.react}, PostgreSQL ${versions.postgresql},
autocannon ${versions.autocannon}.
Run: ${options.seconds} s on 127.0.0.1, the production build under \`next start\`, readers straight against Next at
${options.connections} connections (${connections.articles} on article pages, half on the 40 newest and half across the archive, ${connections.home} on /en, /az and /ru, ${connections.search} on search with a different
two-word query each time), while ${options.editors} editors saved drafts of their own ${OWN_ARTICLES} articles each and published or
unpublished them through the workflow endpoint, and ${options.sharedEditors} editors saved the same article at the same moment every
two seconds (${SHARED_ARTICLES} articles in turn, with a publish or unpublish in every fourth round): ${options.editors + options.sharedEditors}
editors at once, every other save over GraphQL, the others over REST. An editor's request unanswered after ${EDITOR_BOUND_MS / 1000} s is hung.
Latencies are those of answered requests; a request with no answer within 10 s is a timeout.

${readersTable}

${editorsTable}

Memory (\`next start\` and its children, from /proc every 500 ms): ${memory.rssAtStart.toFixed(0)} MB at the start of the load,
${memory.rssAtEnd.toFixed(0)} MB at its end, ${memory.rssSettled.toFixed(0)} MB ten seconds later, peak ${memory.peakRssMb.toFixed(0)} MB (limit ${options.rssLimitMb} MB).

${checksTable}

Overall: ${result.pass ? 'pass' : 'FAIL'}
`
  console.log(`\n${readersTable}\n\n${editorsTable}\n\n${checksTable}\n`)
  await writeResults('load', markdown, result)
  return result.pass
}
