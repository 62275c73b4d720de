/** A Lexical editor state as stored by Payload's richtext-lexical field. */
type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] }
export type LexicalState = { root?: LexicalNode } | null | undefined

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem'])

const textOf = (node: LexicalNode): string => {
  if (typeof node.text === 'string') return node.text
  if (node.type === 'linebreak') return '\n'
  return (node.children ?? []).map(textOf).join('')
}

const collectBlocks = (node: LexicalNode, blocks: string[]): string[] => {
  for (const child of node.children ?? []) {
    if (child.type && BLOCK_TYPES.has(child.type)) {
      const text = textOf(child).trim()
      if (text) blocks.push(text)
    } else {
      collectBlocks(child, blocks)
    }
  }
  return blocks
}

/** Plain text of a Lexical body, one block (paragraph, heading, quote, list item) per line pair. */
export const lexicalToPlainText = (state: LexicalState): string =>
  state?.root ? collectBlocks(state.root, []).join('\n\n') : ''

/** A block of simple rich text, as the seed, the importer and the tests write it. */
export type TextBlock = string | { heading: string } | { quote: string } | { list: string[] }

const base = { format: '', indent: 0, version: 1, direction: 'ltr' as const }
const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

/** Builds a Lexical editor state (as Payload stores it) from plain blocks. */
export const blocksToLexical = (blocks: TextBlock[]) => ({
  root: {
    ...base,
    type: 'root',
    children: blocks.map((block) => {
      if (typeof block === 'string') {
        return { ...base, type: 'paragraph', textFormat: 0, textStyle: '', children: [text(block)] }
      }
      if ('heading' in block) {
        return { ...base, type: 'heading', tag: 'h2', children: [text(block.heading)] }
      }
      if ('quote' in block) return { ...base, type: 'quote', children: [text(block.quote)] }
      return {
        ...base,
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        children: block.list.map((item, index) => ({
          ...base,
          type: 'listitem',
          value: index + 1,
          children: [text(item)],
        })),
      }
    }),
  },
})
