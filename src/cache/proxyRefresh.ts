/**
 * The caching proxy in front of the site keeps each public page for about a second
 * (deploy/nginx.conf). After a publish the app asks the proxy's internal refresh port
 * (`PROXY_REFRESH_URL`, e.g. http://nginx:8081) for the pages that changed: the proxy fetches
 * each from Next at once and replaces the readers' copy. Without the variable (no proxy, local
 * development) this does nothing. Failures are logged and never fail the publish: the copy then
 * runs out by itself within two seconds. Not `server-only`, as `cacheTags.ts` says.
 */
const MAX_PATHS = 20

export const proxyRefreshEnabled = () => Boolean(process.env.PROXY_REFRESH_URL)

/** Only site paths: `/` then no second slash or backslash, no scheme. */
const isSitePath = (value: string) => /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 1024

export const refreshProxy = async (paths: string[]): Promise<void> => {
  const base = process.env.PROXY_REFRESH_URL?.replace(/\/$/, '')
  if (!base) return
  const unique = [...new Set(paths.filter(isSitePath))].slice(0, MAX_PATHS)
  await Promise.all(
    unique.map(async (path) => {
      try {
        const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) })
        await response.arrayBuffer()
      } catch (error) {
        console.error(`Could not refresh ${path} in the proxy: ${(error as Error).message}`)
      }
    }),
  )
}
