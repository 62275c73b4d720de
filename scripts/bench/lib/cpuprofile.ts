/**
 * A V8 CPU profile (`node --cpu-prof`'s .cpuprofile) summarised: where the samples fell, by
 * function, with and without what each function called.
 *
 * The format: `nodes[]`, each a call-tree node (`id`, `callFrame` {functionName, url, lineNumber,
 * columnNumber}, `hitCount`, `children` ids); `samples[]`, the node on top of the stack at each
 * sample, and `timeDeltas[]`, the microseconds since the previous sample. Self time of a function
 * is the time of the samples taken in it; inclusive time counts a sample for every function on
 * its stack (once per function, however often it recurses).
 */
import { readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type CpuProfile = {
  nodes: {
    id: number
    callFrame: {
      functionName: string
      url: string
      lineNumber: number
      columnNumber: number
    }
    hitCount?: number
    children?: number[]
  }[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export type FunctionTime = {
  name: string
  /** the script's file name (its basename), or '' for V8's own entries */
  file: string
  line: number
  /** 0-based, as in the profile */
  column: number
  url: string
  /**
   * where the source map of a bundled script (Next's runtimes, the build's chunks) places it:
   * the original function's name and file:line ('' without a map)
   */
  source: string
  /** microseconds */
  selfUs: number
  inclusiveUs: number
}

/**
 * A frame as `inclusiveOf` matches it: `original` is `name (file:line)` from a source map, or '';
 * `code`, the first characters of the function's text (a minified function's best name).
 */
export type Frame = { name: string; url: string; original: string; code: string }

/** V8's entries that are no JavaScript function. */
export const IDLE = '(idle)'

const nameOf = (frame: CpuProfile['nodes'][number]['callFrame']) =>
  frame.functionName || (frame.url ? '(anonymous)' : '(root)')

/** Self and inclusive time per function (name, file, line and column: a minified line holds many), and the totals. */
export const summariseProfile = (
  profile: CpuProfile,
  /**
   * only the samples taken in this window, in µs of the monotonic clock V8 stamps samples with
   * (the same as `process.hrtime.bigint() / 1000n` in any process of the machine)
   */
  window?: { fromUs: number; toUs: number },
) => {
  const included: boolean[] = []
  let at = profile.startTime
  profile.timeDeltas.forEach((delta, i) => {
    at += delta
    included[i] = !window || (at >= window.fromUs && at <= window.toUs)
  })
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const keyOf = (id: number) => {
    const { callFrame } = byId.get(id)!
    return `${nameOf(callFrame)}\u0000${callFrame.url}\u0000${callFrame.lineNumber}:${callFrame.columnNumber}`
  }
  const functions = new Map<string, FunctionTime>()
  const entry = (id: number) => {
    const key = keyOf(id)
    let fn = functions.get(key)
    if (!fn) {
      const { callFrame } = byId.get(id)!
      fn = {
        name: nameOf(callFrame),
        file: callFrame.url ? path.basename(callFrame.url.replace(/^file:\/\//, '')) : '',
        line: callFrame.lineNumber + 1,
        column: callFrame.columnNumber,
        url: callFrame.url,
        source: '',
        selfUs: 0,
        inclusiveUs: 0,
      }
      functions.set(key, fn)
    }
    return fn
  }
  // The stack of each node, as function keys counted once (memoised per node).
  const stacks = new Map<number, string[]>()
  const stackOf = (id: number): string[] => {
    const known = stacks.get(id)
    if (known) return known
    entry(id)
    const up = parent.get(id)
    const below = up === undefined ? [] : stackOf(up)
    const key = keyOf(id)
    const stack = below.includes(key) ? below : [...below, key]
    stacks.set(id, stack)
    return stack
  }
  let totalUs = 0
  let idleUs = 0
  profile.samples.forEach((id, i) => {
    if (!included[i]) return
    // The delta before the next sample is the time this one stands for (V8's own convention).
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)
    totalUs += us
    const fn = entry(id)
    fn.selfUs += us
    if (fn.name === IDLE) idleUs += us
    for (const key of stackOf(id)) functions.get(key)!.inclusiveUs += us
  })
  return {
    samples: included.filter(Boolean).length,
    totalUs,
    idleUs,
    functions: [...functions.values()],
    /**
     * The samples whose stack holds a frame for which `match` is true, in microseconds; a frame
     * is its name, its script's URL and, from a source map, its original name and place.
     */
    inclusiveOf: (match: (frame: Frame) => boolean) => {
      let us = 0
      const frames = new Map<number, Frame>()
      const frameOf = (at: number) => {
        let frame = frames.get(at)
        if (!frame) {
          const { callFrame } = byId.get(at)!
          const fn = {
            url: callFrame.url,
            line: callFrame.lineNumber + 1,
            column: callFrame.columnNumber,
          }
          frame = {
            name: nameOf(callFrame),
            url: callFrame.url,
            original: originalOf(fn),
            code: codeAt(fn),
          }
          frames.set(at, frame)
        }
        return frame
      }
      profile.samples.forEach((id, i) => {
        if (!included[i]) return
        const sampleUs = Math.max(0, profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          if (match(frameOf(at))) {
            us += sampleUs
            return
          }
        }
      })
      return us
    },
  }
}

export type ProfileSummary = ReturnType<typeof summariseProfile>

/** One source map per script file (`<file>.map` beside it), null when there is none. */
const sourceMaps = new Map<string, SourceMap | null>()
const sourceMapOf = (file: string) => {
  if (!sourceMaps.has(file)) {
    try {
      sourceMaps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))))
    } catch {
      sourceMaps.set(file, null)
    }
  }
  return sourceMaps.get(file)!
}

const originals = new Map<string, string>()

/** The function's original name and place from its script's source map ('' when unknown). */
export const originalOf = (fn: Pick<FunctionTime, 'url' | 'line' | 'column'>) => {
  const key = `${fn.url}:${fn.line}:${fn.column}`
  let original = originals.get(key)
  if (original === undefined) {
    original = findOriginal(fn)
    originals.set(key, original)
  }
  return original
}

const findOriginal = (fn: Pick<FunctionTime, 'url' | 'line' | 'column'>) => {
  if (!fn.url.startsWith('file://')) return ''
  const map = sourceMapOf(fileURLToPath(fn.url))
  if (!map) return ''
  // The mapping at the function's own position first; a little before it when there is none.
  for (const column of [fn.column, fn.column - 1, fn.column - 2]) {
    const entry = map.findEntry(fn.line - 1, Math.max(0, column)) as {
      originalSource?: string
      originalLine?: number
      name?: string
    }
    if (!entry.originalSource) continue
    const where = `${entry.originalSource.replace(/^webpack:\/\/[^/]*\/\.\//, '').replace(/^.*\/node_modules\//, '')}:${(entry.originalLine ?? 0) + 1}`
    return `${entry.name ?? '?'} (${where})`
  }
  return ''
}

/** Every function's `source` filled from the source maps (for the functions shown only). */
export const withSources = (functions: FunctionTime[]) =>
  functions.map((fn) => ({ ...fn, source: fn.source || originalOf(fn) }))

const scripts = new Map<string, string[] | null>()

/** The first `length` characters of a function's text, from its script ('' when unreadable). */
export const codeAt = (fn: Pick<FunctionTime, 'url' | 'line' | 'column'>, length = 160) => {
  if (!fn.url.startsWith('file://')) return ''
  const file = fileURLToPath(fn.url)
  if (!scripts.has(file)) {
    try {
      scripts.set(file, readFileSync(file, 'utf8').split('\n'))
    } catch {
      scripts.set(file, null)
    }
  }
  return scripts.get(file)?.[fn.line - 1]?.slice(fn.column, fn.column + length) ?? ''
}
