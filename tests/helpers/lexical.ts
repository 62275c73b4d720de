/**
 * Lexical nodes for bodies written by hand in tests (every node kind, formats, links), in the
 * shape the editor saves them. For plain paragraphs of text, fixtures.ts `body()` is shorter.
 */

/** What every element node carries. */
export const base = { format: '', indent: 0, version: 1, direction: 'ltr' }

/** A text node; `format` is Lexical's bit field (1 bold, 2 italic, 4 strikethrough, …). */
export const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

export const paragraph = (...children: object[]) => ({ ...base, type: 'paragraph', children })

/** A link to another site (`linkType: 'custom'`). */
export const link = (url: string, label: string, newTab = false) => ({
  ...base,
  type: 'link',
  fields: { linkType: 'custom', url, newTab },
  children: [text(label)],
})

/** A body: the root node around `children`. */
export const lexical = (...children: object[]) => ({
  root: { ...base, type: 'root', children },
})
