/**
 * The caching proxy in front of the site keeps each public page for about a second
 * (deploy/nginx.conf). After a publish the app asks the proxy's internal refresh port
 * (`PROXY_REFRESH_URL`, e.g. http://nginx:8081) for the pages that changed: the proxy fetches
 * each from Next at once and replaces the readers' copy. Without the variable (no proxy, local
 * development) this does nothing. Failures are logged and never fail the publish: the copy then
 * runs out by itself within two seconds. Not `server-only`, as `cacheTags.ts` says.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const MAX_PATHS = 20

let onDemandId: Promise<string | null> | undefined

/**
 * This build's preview-mode id (`.next/prerender-manifest.json`, written by `next build`; a
 * secret, like the draft-mode cookie it also signs). Sent as `x-prerender-revalidate`, it makes
 * Next treat the refresh as an on-demand revalidation: the page is rendered afresh, its data
 * reads included, and stored. A plain request for the page could instead join a render of it
 * already running in that instance (Next serves concurrent requests for one page from one
 * render), which may have read the state from before the change, and nginx would keep that.
 * Null (a plain refresh) when the manifest cannot be read.
 */
const onDemandRevalidateId = () =>
  (onDemandId ??= readFile(
    join(/* turbopackIgnore: true */ process.cwd(), '.next', 'prerender-manifest.json'),
    'utf8',
  )
    .then((text) => {
      const id = (JSON.parse(text) as { preview?: { previewModeId?: unknown } }).preview
        ?.previewModeId
      return typeof id === 'string' && id.length > 0 ? id : null
    })
    .catch((error: Error) => {
      console.error(`Proxy refreshes are plain requests: ${error.message}`)
      return null
    }))

export const proxyRefreshEnabled = () => Boolean(process.env.PROXY_REFRESH_URL)

/** Only site paths: `/` then no second slash or backslash, no scheme. */
const isSitePath = (value: string) => /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 1024

export const refreshProxy = async (paths: string[]): Promise<void> => {
  const base = process.env.PROXY_REFRESH_URL?.replace(/\/$/, '')
  if (!base) return
  const unique = [...new Set(paths.filter(isSitePath))].slice(0, MAX_PATHS)
  const id = await onDemandRevalidateId()
  const headers: Record<string, string> = id ? { 'x-prerender-revalidate': id } : {}
  await Promise.all(
    unique.map(async (path) => {
      try {
        const response = await fetch(`${base}${path}`, {
          headers,
          signal: AbortSignal.timeout(10_000),
        })
        await response.arrayBuffer()
      } catch (error) {
        console.error(`Could not refresh ${path} in the proxy: ${(error as Error).message}`)
      }
    }),
  )
}
