import {
  convertLexicalToHTML,
  type HTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'

import { safeHref } from './safeUrl'

/**
 * An article body's HTML, made once when the body is saved and stored with it (`bodyHtml`, in
 * the article's row and in each of its versions), so a page renders the text as a string instead
 * of walking the Lexical tree on every render.
 *
 * Only a body made of text is stored: paragraphs, headings, quotes, lists, line breaks, rules and
 * links to other sites. A body with anything whose HTML depends on another document (an image:
 * its renditions, alt text and caption; an internal link: the target's current slug, and whether
 * it is published at all) gets `null`, and the page renders it from the Lexical JSON at read time
 * (src/components/RichText.tsx) as before: its HTML could go stale (or name a draft's slug) when
 * that other document changes, and no hook on it would find this body to render it again.
 *
 * The markup is the same as `RichText`'s for the same body (a test compares the two).
 */

/** Node types whose HTML depends on this body alone. */
const SELF_CONTAINED = new Set([
  'root',
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'text',
  'linebreak',
  'tab',
  'horizontalrule',
  'link',
  'autolink',
])

type Node = { type?: string; children?: Node[]; fields?: { linkType?: string } }

/** Whether every node of the tree is self-contained (internal links are not). */
const isSelfContained = (node: Node): boolean => {
  if (!node.type || !SELF_CONTAINED.has(node.type)) return false
  if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType === 'internal') {
    return false
  }
  return (node.children ?? []).every(isSelfContained)
}

type LinkNode = {
  fields: { url?: string; newTab?: boolean; linkType?: string }
  children: never[]
}
type LinkConverter = Exclude<HTMLConverter<LinkNode>, string>

/**
 * A link to another site keeps only a safe target (`safeHref`): a `javascript:` or `data:` link,
 * however it is spelled, renders as its text alone, as `RichText` does.
 */
const safeLink =
  (convert: unknown): LinkConverter =>
  (args) => {
    const href = safeHref(args.node.fields.url)
    if (href === undefined) {
      return `<span>${args.nodesToHTML({ nodes: args.node.children }).join('')}</span>`
    }
    const call = convert as LinkConverter
    return call({ ...args, node: { ...args.node, fields: { ...args.node.fields, url: href } } })
  }

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: safeLink(defaultConverters.link) as never,
  autolink: safeLink(defaultConverters.autolink) as never,
})

/**
 * The stored HTML of a body (the inside of its container: the page wraps it), or null when the
 * body is empty or holds a node rendered at read time.
 */
export const bodyToHtml = (body: unknown): string | null => {
  const root = (body as { root?: Node } | null | undefined)?.root
  if (!root || !Array.isArray(root.children) || root.children.length === 0) return null
  if (!isSelfContained(root)) return null
  return convertLexicalToHTML({
    data: body as Parameters<typeof convertLexicalToHTML>[0]['data'],
    converters,
    disableContainer: true,
  })
}
