/**
 * A kept CPU profile summarised again (`npm run bench -- --profile --keep` keeps them under the
 * run's temporary folder), e.g. after changing the steps in ./run/profile.ts:
 *
 *   npx tsx scripts/bench/profile.ts <file.cpuprofile> [title]   # Markdown to stdout
 *   npx tsx scripts/bench/profile.ts --case article-cached        # rewrites bench/results/profile-<case>.md
 *
 * `--case` takes the profile's file, title and the run's details from profile-<case>.json.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { root, summariseProfile, type CpuProfile } from './lib'
import { profileMarkdown } from './run/profile'

const args = process.argv.slice(2)
const summarise = async (file: string, window?: { fromUs: number; toUs: number }) =>
  summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, window)

if (args[0] === '--case') {
  const md = path.join(root, 'bench', 'results', `profile-${args[1]}.md`)
  const run = JSON.parse(await readFile(md.replace(/\.md$/, '.json'), 'utf8')) as {
    file: string
    title: string
    about: string
    window?: { fromUs: number; toUs: number }
    cpuMsPerRequest?: number
  }
  await writeFile(md, profileMarkdown(await summarise(run.file, run.window), run))
  console.log(`rewrote ${md}`)
} else {
  const [file, title = 'CPU profile'] = args
  if (!file) throw new Error('usage: tsx scripts/bench/profile.ts <file.cpuprofile> [title]')
  console.log(profileMarkdown(await summarise(file), { title, about: `\`${file}\`` }))
}
