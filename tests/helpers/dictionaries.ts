/**
 * The project's text trees (the admin dictionary with its area files and the server messages,
 * src/i18n/admin; the site's next-intl messages, src/i18n/messages) walked as plain data: their
 * leaves by key, the keys one tree has that another lacks, a text's placeholders.
 */

/** One text of a tree: its key (`panels:workflow:title`, segments joined by `sep`) and text. */
export type Leaf = { key: string; text: string }

/** Every string leaf of a text tree, depth first, keys joined by `sep`. */
export const leaves = (tree: unknown, sep = ':', prefix = ''): Leaf[] => {
  if (typeof tree === 'string') return [{ key: prefix, text: tree }]
  if (!tree || typeof tree !== 'object') return []
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, sep, prefix ? `${prefix}${sep}${key}` : key),
  )
}

/** The leaf keys of `source` missing from `other`, and those `other` has that `source` lacks. */
export const keyDifferences = (source: unknown, other: unknown, sep = ':') => {
  const sourceKeys = new Set(leaves(source, sep).map((leaf) => leaf.key))
  const otherKeys = new Set(leaves(other, sep).map((leaf) => leaf.key))
  return {
    missing: [...sourceKeys].filter((key) => !otherKeys.has(key)),
    extra: [...otherKeys].filter((key) => !sourceKeys.has(key)),
  }
}

/** The `{{name}}` placeholders of an admin or server text (Payload's i18n), sorted. */
export const payloadPlaceholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]))].sort()

/**
 * The arguments of an ICU message (next-intl): the names opening each `{name}`, `{name, plural,
 * …}` or `{name, select, …}`, sorted. A plural branch (`one {# article}`) opens with `#` or a
 * space-separated phrase, so it is not taken for an argument.
 */
export const icuArguments = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,|\})/g)].map((match) => match[1]))]
    .filter((name) => !['one', 'few', 'many', 'other', 'zero', 'two'].includes(name))
    .sort()
