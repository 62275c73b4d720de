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
import path from 'node:path'

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
  url: string
  /** microseconds */
  selfUs: number
  inclusiveUs: number
}

/** V8's entries that are no JavaScript function. */
export const IDLE = '(idle)'

const nameOf = (frame: CpuProfile['nodes'][number]['callFrame']) =>
  frame.functionName || (frame.url ? '(anonymous)' : '(root)')

/** Self and inclusive time per function (name, file and line), and the totals. */
export const summariseProfile = (profile: CpuProfile) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const keyOf = (id: number) => {
    const { callFrame } = byId.get(id)!
    return `${nameOf(callFrame)}\u0000${callFrame.url}\u0000${callFrame.lineNumber}`
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
        url: callFrame.url,
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
    // The delta before the next sample is the time this one stands for (V8's own convention).
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)
    totalUs += us
    const fn = entry(id)
    fn.selfUs += us
    if (fn.name === IDLE) idleUs += us
    for (const key of stackOf(id)) functions.get(key)!.inclusiveUs += us
  })
  return {
    samples: profile.samples.length,
    totalUs,
    idleUs,
    functions: [...functions.values()],
    /** the samples whose stack holds a frame for which `match` is true, in microseconds */
    inclusiveOf: (match: (frame: { name: string; url: string }) => boolean) => {
      let us = 0
      profile.samples.forEach((id, i) => {
        const sampleUs = Math.max(0, profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const { callFrame } = byId.get(at)!
          if (match({ name: nameOf(callFrame), url: callFrame.url })) {
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
