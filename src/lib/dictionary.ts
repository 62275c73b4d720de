/** The shape of a text tree: the same keys, every leaf a string. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/** The keys of a text tree, Payload's way: `articles:dek` for `{ articles: { dek } }`. */
export type Keys<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}:${Keys<T[K]>}`
}[keyof T & string]

/** A leaf of a text tree by its `a:b:c` key; undefined when the key leads nowhere. */
export const lookup = (tree: unknown, key: string): string | undefined => {
  const found = key
    .split(':')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      tree,
    )
  return typeof found === 'string' ? found : undefined
}

/** `{{name}}` placeholders filled from `values` (Payload's i18n writes them the same way). */
export const fill = (text: string, values?: Record<string, string | number>): string =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    values && name in values ? String(values[name]) : whole,
  )
