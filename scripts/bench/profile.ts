/**
 * A kept CPU profile summarised again (`npm run bench -- --profile --keep` keeps them under the
 * run's temporary folder), e.g. after changing the steps in ./run/profile.ts:
 *
 *   npx tsx scripts/bench/profile.ts <file.cpuprofile> [title]   # Markdown to stdout
 *   npx tsx scripts/bench/profile.ts --case article-cached        # rewrites bench/results/profile-<case>.md
 *   npx tsx scripts/bench/profile.ts --case rest-list --functions 'payload/|drizzle'
 *       # the functions whose source (or name) matches, by inclusive share of the load's samples
 *
 * `--case` takes the profile's file, title and the run's details from profile-<case>.json.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { root, summariseProfile, withSources, type CpuProfile } from './lib'
import { profileMarkdown } from './run/profile'

const args = process.argv.slice(2)
const summarise = async (file: string, window?: { fromUs: number; toUs: number }) =>
  summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, window)

const functionsAt = args.indexOf('--functions')
if (args[0] === '--case' && functionsAt > 0) {
  const run = JSON.parse(
    await readFile(path.join(root, 'bench', 'results', `profile-${args[1]}.json`), 'utf8'),
  ) as { file: string; window?: { fromUs: number; toUs: number } }
  const summary = await summarise(run.file, run.window)
  const busy = summary.totalUs - summary.idleUs
  const pattern = new RegExp(args[functionsAt + 1] ?? '.')
  const top = withSources(
    [...summary.functions].sort((a, b) => b.inclusiveUs - a.inclusiveUs).slice(0, 1000),
  ).filter((fn) => pattern.test(fn.source ?? '') || pattern.test(fn.name))
  console.log('inclusive % of busy · self % · function · original source')
  for (const fn of top.slice(0, 80)) {
    const pct = (us: number) => ((100 * us) / busy).toFixed(1).padStart(5)
    console.log(`${pct(fn.inclusiveUs)} · ${pct(fn.selfUs)} · ${fn.name} · ${fn.source ?? fn.file}`)
  }
} else if (args[0] === '--case') {
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
