/** Where the benchmark runs from: the repository's root and its installed binaries. */
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../../..')
export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
