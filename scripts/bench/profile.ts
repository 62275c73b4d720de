/**
 * A kept CPU profile summarised again, to stdout (`npm run bench -- --profile --keep` writes
 * them under the run's temporary folder): `npx tsx scripts/bench/profile.ts <file.cpuprofile>
 * [title]`. The same Markdown as bench/results/profile-<case>.md, without the run's details.
 */
import { readFile } from 'node:fs/promises'

import { summariseProfile, type CpuProfile } from './lib'
import { profileMarkdown } from './run/profile'

const [file, title = 'CPU profile'] = process.argv.slice(2)
if (!file) throw new Error('usage: tsx scripts/bench/profile.ts <file.cpuprofile> [title]')
const summary = summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile)
console.log(profileMarkdown(summary, { title, about: `\`${file}\`` }))
