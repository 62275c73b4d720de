import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The layers of src/ (docs/architecture.md, "Layers"): ESLint's import boundaries refuse an
 * import across them, and the read layer refuses to load outside a server build. `npm run lint`
 * applies the rule to the tree; these tests show it refuses what it must and lets through what it
 * may, so that a config change cannot quietly switch it off.
 */

const root = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** The boundary errors ESLint reports for `code` as if it were the file `file`. */
const boundaryErrors = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result.messages
    .filter((message) => message.ruleId === 'import/no-restricted-paths')
    .map((message) => message.message)
}

describe('import boundaries between the layers', () => {
  it.each([
    [
      'src/components/Example.tsx',
      "import { poolOf } from '@/db/client'\n\nexport const x = poolOf\n",
    ],
    [
      'src/app/(frontend)/[lang]/example/page.tsx',
      "import { Articles } from '@/collections/Articles'\n\nexport const x = Articles\n",
    ],
    [
      'src/data/example.ts',
      "import { workflowPlugin } from '@/workflow/plugin'\n\nexport const x = workflowPlugin\n",
    ],
    [
      'src/lib/example.ts',
      "import { cacheTags } from '@/cache/tags'\n\nexport const x = cacheTags\n",
    ],
    ['src/db/example.ts', "import { hasRole } from '@/access/roles'\n\nexport const x = hasRole\n"],
    [
      'src/workflow/example.ts',
      "import { followOriginal } from '@/translations/hooks'\n\nexport const x = followOriginal\n",
    ],
  ])('refuses %s importing across a boundary', async (file, code) => {
    const errors = await boundaryErrors(file, code)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/may import only from/)
  })

  it.each([
    [
      'src/components/Example.tsx',
      "import { getSections } from '@/data/sections'\n\nexport const x = getSections\n",
    ],
    [
      'src/data/example.ts',
      "import { drizzleOf } from '@/db/client'\n\nexport const x = drizzleOf\n",
    ],
    [
      'src/translations/example.ts',
      "import { TRANSITIONS } from '@/workflow/table'\n\nexport const x = TRANSITIONS\n",
    ],
    [
      'src/collections/Example.ts',
      "import { canEditWhere } from '@/workflow/rules'\n\nexport const x = canEditWhere\n",
    ],
    [
      'src/lib/example.ts',
      "import type { Article } from '@/payload-types'\n\nexport type X = Article\n",
    ],
  ])('lets %s import from a layer below', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([])
  })
})

describe('the read layer', () => {
  const modules = readdirSync(path.join(root, 'src/data')).filter((name) => name.endsWith('.ts'))

  it('is server-only, every module of it', () => {
    expect(modules.length).toBeGreaterThan(5)
    const open = modules.filter(
      (name) =>
        !readFileSync(path.join(root, 'src/data', name), 'utf8').startsWith("import 'server-only'"),
    )
    expect(open).toEqual([])
  })

  it('refuses to load outside a server build', async () => {
    // vitest maps `server-only` to its empty module for these tests; the package itself throws.
    const guard = path.join(root, 'node_modules/server-only/index.js')
    await expect(import(guard)).rejects.toThrow(/Server Component/)
  })
})
