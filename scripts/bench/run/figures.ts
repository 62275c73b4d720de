/** The benchmark's figures: each measured value, its goal, and whether it meets it. */
import { fmt } from '../lib'

export type Figure = {
  figure: string
  value: number | null
  unit: string
  goal: string
  /** true/false against the goal; null when there is no goal or nothing was measured */
  pass: boolean | null
  note?: string
  /** for a ratio or a latency: the page's own req/s, compared too with `--baseline` */
  rps?: number
  /** the server's CPU time per request (ms), for a load on Next; with `--baseline` */
  cpuMs?: number
}

export type Figures = ReturnType<typeof createFigures>

export const createFigures = (log: (message: string) => void) => {
  const figures: Figure[] = []
  const add = (figure: Omit<Figure, 'pass'> & { ok?: (value: number) => boolean }) => {
    const { ok, ...rest } = figure
    figures.push({ ...rest, pass: rest.value === null || !ok ? null : ok(rest.value) })
  }
  const notMeasured = (figure: string, goal: string, note: string) =>
    figures.push({ figure, value: null, unit: '', goal, pass: null, note })

  /** Runs one figure's measurement; a failure is recorded as a note and the run goes on. */
  const attempt = async (figure: string, goal: string, fn: () => Promise<void>) => {
    try {
      await fn()
    } catch (error) {
      log(`${figure}: ${(error as Error).message}`)
      notMeasured(figure, goal, `failed: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  return { figures, add, notMeasured, attempt }
}

const verdict = (f: Figure) =>
  f.pass === null ? (f.value === null ? '—' : 'info') : f.pass ? 'pass' : 'FAIL'

/** The figures as a Markdown table. */
export const figuresTable = (figures: Figure[]) =>
  [
    '| figure | value | goal | result | note |',
    '| --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.figure} | ${fmt(f.value, f.unit)} | ${f.goal} | ${verdict(f)} | ${f.note ?? ''} |`,
    ),
  ].join('\n')
