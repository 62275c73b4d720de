/**
 * For a script that reads through the read layer (src/data/, marked `server-only`) outside Next:
 * `server-only` is an empty module under React's `react-server` condition, which Next's server
 * build uses, and throws everywhere else. Preloaded with `node --import` (NODE_OPTIONS), this
 * resolves it to its empty module for this process only; nothing else changes.
 */
import { register } from 'node:module'

const empty = new URL('../../node_modules/server-only/empty.js', import.meta.url).href
const hooks = `export const resolve = (specifier, context, next) =>
  specifier === 'server-only' ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context)`

register(`data:text/javascript,${encodeURIComponent(hooks)}`)
