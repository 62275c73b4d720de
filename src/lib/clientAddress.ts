/**
 * Who a public request comes from, for rate limits and spotting repeats: the client's address
 * as the trusted proxies saw it, and a salted hash of it (the only form ever stored).
 *
 * `next start` fills `X-Forwarded-For` with the socket's address only when the request has none
 * (`??=`), so without a proxy a client can name any address it likes; behind nginx
 * (`proxy_add_x_forwarded_for` appends the address nginx saw) the entry a trusted proxy added is
 * the last one. TRUSTED_PROXY_HOPS says how many proxies of ours stand in front (1 behind the
 * project's nginx, as in docker-compose and `npm run stack`; 0, the default, when Next faces
 * clients itself, where the address is only as good as the client's word).
 */
import { createHmac } from 'node:crypto'

/** The environment variables read here (process.env, or a test's own). */
type Env = Record<string, string | undefined>

/** How many proxies of ours append to X-Forwarded-For (TRUSTED_PROXY_HOPS, 0 to 5). */
export const trustedProxyHops = (env: Env = process.env): number => {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0)
  return Number.isInteger(hops) && hops >= 0 && hops <= 5 ? hops : 0
}

/**
 * The client's address: with N trusted proxies, the Nth entry of X-Forwarded-For from the right
 * (the one the outermost of ours appended); with none, the last entry (Next's own, or the
 * client's claim). `unknown` when the header is missing or shorter than the chain.
 */
export const clientAddress = (headers: Headers, env: Env = process.env): string => {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const hops = trustedProxyHops(env)
  const address = chain[chain.length - Math.max(hops, 1)]
  // IPv4 addresses mapped into IPv6 (::ffff:127.0.0.1) count as the IPv4 address.
  return address ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') : 'unknown'
}

/**
 * A salted hash of an address (hex, 32 characters): the same address gives the same hash on
 * every instance with the same secret, and the address cannot be read back from it.
 * ADDRESS_HASH_SALT, else derived from PAYLOAD_SECRET.
 */
export const hashAddress = (address: string, env: Env = process.env): string =>
  createHmac('sha256', env.ADDRESS_HASH_SALT || `address:${env.PAYLOAD_SECRET ?? ''}`)
    .update(address)
    .digest('hex')
    .slice(0, 32)

/** The hashed address of a request: `hashAddress(clientAddress(headers))`. */
export const clientFingerprint = (headers: Headers, env: Env = process.env) =>
  hashAddress(clientAddress(headers, env), env)
