/**
 * Rate limits every instance shares: one row per (rule, client, window) in `rate_limit_hits`
 * (migration `comments`), counted with one upsert, so two instances behind the proxy count the
 * same client together. Fixed windows: a client gets `limit` hits per window, and is told when
 * the window ends. Rows of windows over a day old are swept now and then by the hits themselves.
 * Each statement commits on its own (the pool): a refused request still counts.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { drizzleOf } from './client'

export type RateLimitRule = {
  /** the rule's name: one count per rule ('comment', 'subscribe', …) */
  bucket: string
  /** hits allowed per window */
  limit: number
  windowSeconds: number
}

export type RateLimitVerdict = {
  allowed: boolean
  /** hits in this window so far, this one included */
  hits: number
  /** seconds until the window ends (for Retry-After) */
  retryAfterSeconds: number
}

/** One in this many hits also sweeps the table of windows over a day old. */
const SWEEP_ONE_IN = 200

/** Counts one hit of `key` (a hashed address, an email's hash) against `rule`. */
export const hitRateLimit = async (
  payload: Payload,
  rule: RateLimitRule,
  key: string,
): Promise<RateLimitVerdict> => {
  const db = drizzleOf(payload)
  const { rows } = await db.execute<{ hits: number; retry_after: number }>(sql`
    INSERT INTO rate_limit_hits (bucket, key, window_start, hits)
    VALUES (${rule.bucket}, ${key},
            to_timestamp(floor(date_part('epoch', now()) / ${rule.windowSeconds}) * ${rule.windowSeconds}),
            1)
    ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
    RETURNING hits,
              ceil(date_part('epoch', window_start) + ${rule.windowSeconds} - date_part('epoch', now()))::integer AS retry_after`)
  if (Math.floor(Math.random() * SWEEP_ONE_IN) === 0) {
    await db.execute(sql`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`)
  }
  const hits = Number(rows[0]?.hits ?? 1)
  return {
    allowed: hits <= rule.limit,
    hits,
    retryAfterSeconds: Math.max(1, Number(rows[0]?.retry_after ?? rule.windowSeconds)),
  }
}
