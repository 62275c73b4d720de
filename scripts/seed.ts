/**
 * Loads the demo newsroom into the configured database (run through `npm run seed`, which
 * starts the embedded database when DATABASE_URL is not set). Safe to run repeatedly.
 */
import { getPayload } from 'payload'

import { DEMO_USERS, seed } from '@/seed'
import config from '@payload-config'

const payload = await getPayload({ config })
const started = Date.now()
const { created } = await seed(payload)
const total = Object.values(created).reduce((sum, n) => sum + n, 0)
payload.logger.info(
  total
    ? `Seeded the demo newsroom in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(created)}`
    : 'Demo newsroom already present; nothing to seed.',
)
const url = process.env.SERVER_URL || 'http://localhost:3000'
console.log(
  `\n  Admin:        ${url}/admin\n  Public site:  ${url}/\n\n  Demo logins (local use only):`,
)
for (const user of DEMO_USERS) {
  console.log(`    ${user.roles[0].padEnd(11)} ${user.email.padEnd(36)} ${user.password}`)
}
console.log('')
process.exit(0)
