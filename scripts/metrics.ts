/**
 * The shape of the code, measured the same way every time: the largest files and functions, the
 * blocks written twice (jscpd) and the circular imports (dpdm). `npm run metrics` prints a
 * Markdown report; `--json` prints the figures for a script to compare.
 *
 * What counts: the project's own TypeScript (`src/`, `scripts/`, `tests/`, the top-level config),
 * without generated files (`src/payload-types.ts`, migrations, the admin import map) and without
 * seed content (`src/seed/data/`), which is sample text rather than code.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import ts from 'typescript'

const root = path.resolve(import.meta.dirname, '..')
const ROOTS = ['src', 'scripts', 'tests']
/** The same files, as jscpd's ignore globs. */
const IGNORE = ['src/payload-types.ts', 'src/seed/data/**', '**/node_modules/**']
const TOP = 12

type Sized = { name: string; lines: number }

const SKIP = /^(src\/payload-types\.ts|src\/seed\/data\/)/

/** Tracked and new files git knows of (ignored ones left out). */
const sourceFiles = (): string[] =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(
      (file) =>
        /\.tsx?$/.test(file) &&
        !SKIP.test(file) &&
        (ROOTS.some((dir) => file.startsWith(`${dir}/`)) ||
          ['payload.config.ts', 'vitest.config.ts'].includes(file)),
    )
    .sort()

const lineCount = (text: string) => text.split('\n').length

/** Every function, method and arrow function longer than one line, by the lines it spans. */
const functionsIn = (file: string, text: string): Sized[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Sized[] = []
  const nameOf = (node: ts.Node): string => {
    if (
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
      node.name !== undefined
    ) {
      return node.name.getText(source)
    }
    const parent = node.parent
    if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source)
    if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source)
    if (parent && ts.isExportAssignment(parent)) return 'default'
    return '(anonymous)'
  }
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const name = nameOf(node)
      // Anonymous callbacks inside a test file are the test bodies: measured, but named by place.
      found.push({ name: `${file}:${start + 1} ${name}`, lines: end - start + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** jscpd's count of cloned blocks of six lines or more. */
const duplication = (): { clones: number; duplicatedLines: number; percentage: number } => {
  const out = mkdtempSync(path.join(tmpdir(), 'metrics-'))
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/jscpd'),
      [
        ...ROOTS,
        'payload.config.ts',
        '--min-lines',
        '6',
        '--format',
        'typescript,tsx',
        '--ignore',
        IGNORE.join(','),
        '--reporters',
        'json',
        '--output',
        out,
        '--silent',
      ],
      { cwd: root, stdio: 'ignore' },
    )
    const report = JSON.parse(readFileSync(path.join(out, 'jscpd-report.json'), 'utf8')) as {
      statistics: { total: { clones: number; duplicatedLines: number; percentage: number } }
    }
    const { clones, duplicatedLines, percentage } = report.statistics.total
    return { clones, duplicatedLines, percentage }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** dpdm's circular import chains among the app's modules (type-only imports left out). */
const circularImports = (): string[][] => {
  const out = mkdtempSync(path.join(tmpdir(), 'metrics-'))
  try {
    const file = path.join(out, 'deps.json')
    execFileSync(
      path.join(root, 'node_modules/.bin/dpdm'),
      [
        '--no-tree',
        '--no-warning',
        '--no-circular',
        '--no-progress',
        '-T',
        '--tsconfig',
        'tsconfig.json',
        '--exclude',
        'node_modules',
        '-o',
        file,
        'payload.config.ts',
        'src/**/*.ts',
        'src/**/*.tsx',
        'scripts/**/*.ts',
      ],
      { cwd: root, stdio: 'ignore' },
    )
    return (JSON.parse(readFileSync(file, 'utf8')) as { circulars: string[][] }).circulars
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

const main = () => {
  const files = sourceFiles()
  const sizes: Sized[] = []
  const functions: Sized[] = []
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8')
    sizes.push({ name: file, lines: lineCount(text) })
    functions.push(...functionsIn(file, text))
  }
  const largest = (list: Sized[], filter: (s: Sized) => boolean = () => true) =>
    list
      .filter(filter)
      .sort((a, b) => b.lines - a.lines)
      .slice(0, TOP)
  const notTest = (s: Sized) => !s.name.startsWith('tests/')
  const app = sizes.filter(notTest)
  const figures = {
    files: files.length,
    lines: sizes.reduce((sum, s) => sum + s.lines, 0),
    appFiles: app.length,
    appLines: app.reduce((sum, s) => sum + s.lines, 0),
    filesOver300: app.filter((s) => s.lines > 300).length,
    functionsOver80: functions.filter(notTest).filter((s) => s.lines > 80).length,
    largestFiles: largest(sizes, notTest),
    largestFunctions: largest(functions, notTest),
    duplication: duplication(),
    circularImports: circularImports(),
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures, null, 2))
    return
  }
  const table = (list: Sized[]) =>
    ['| lines | where |', '|---:|---|', ...list.map((s) => `| ${s.lines} | \`${s.name}\` |`)].join(
      '\n',
    )
  console.log(`# Code metrics

- ${figures.files} files, ${figures.lines} lines (app and scripts: ${figures.appFiles} files, ${figures.appLines} lines)
- app and script files over 300 lines: ${figures.filesOver300}; functions over 80 lines: ${figures.functionsOver80}
- duplicated blocks (jscpd, 6+ lines): ${figures.duplication.clones} clones, ${figures.duplication.duplicatedLines} lines (${figures.duplication.percentage}%)
- circular imports (dpdm, runtime imports): ${figures.circularImports.length}
${figures.circularImports.map((chain) => `  - ${chain.join(' → ')}`).join('\n')}

## Largest files (app and scripts)
${table(figures.largestFiles)}

## Largest functions (app and scripts)
${table(figures.largestFunctions)}
`)
}

main()
