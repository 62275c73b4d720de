/**
 * The production server's V8 heap limit (README, "Memory"). Node sizes the heap from the
 * machine's memory (about 4 GB on a 24 GB box), so it collects garbage late and a busy server's
 * RSS climbed past 750 MB. 512 MB is the smallest limit that held the load run (`npm run
 * bench:load`: 100 readers on uncached pages while editors save): at 384 MB the server ran out of
 * heap and died within a minute; at 512 MB its RSS peaked near 700 MB with every check passing.
 * `NODE_HEAP_MB` changes it; a `--max-old-space-size` already in NODE_OPTIONS wins. The
 * Dockerfile sets the same default.
 */
export const DEFAULT_HEAP_MB = 512

export const withHeapLimit = (nodeOptions: string | undefined, env: NodeJS.ProcessEnv) =>
  /--max-old-space-size/.test(nodeOptions ?? '')
    ? (nodeOptions ?? '')
    : [nodeOptions, `--max-old-space-size=${Number(env.NODE_HEAP_MB) || DEFAULT_HEAP_MB}`]
        .filter(Boolean)
        .join(' ')
