import 'server-only'

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type React from 'react'

type Prerender = (
  element: React.ReactNode,
  options?: { onError?: (error: unknown) => void },
) => Promise<{ prelude: ReadableStream<Uint8Array> }>

let prerenderOnce: Prerender | null = null

/**
 * React DOM's static renderer (`react-dom/static`), loaded from node_modules at run time.
 *
 * Inside Next's App Router every route handler and server component is bundled with the
 * `react-server` condition, where `react-dom/static` and `react-dom/server` are stubs that throw
 * ("not supported in React Server Components"), and the bundled `react` is the server build
 * without the hooks dispatcher Fizz writes to (vercel/next.js#71865: "reading 'H'"). So the
 * renderer is required by a name the bundler cannot follow, and brings its own `react` from
 * node_modules. Elements made by the bundled JSX runtime are the same to it (`Symbol.for`), and
 * React 19's Fizz awaits async function components, so the site's async server components render
 * as they are; client components ('use client') cannot: they are references, not functions.
 */
const prerender = (): Prerender => {
  if (!prerenderOnce) {
    const requireFromApp = createRequire(path.join(process.cwd(), 'package.json'))
    const name = ['react-dom', 'static'].join('/')
    prerenderOnce = (requireFromApp(name) as { prerender: Prerender }).prerender
  }
  return prerenderOnce
}

/** A whole document (`<html>` element) as an HTML string, every async component awaited. */
export const renderDocument = async (element: React.ReactNode): Promise<string> => {
  let failure: unknown = null
  const { prelude } = await prerender()(element, {
    onError: (error) => {
      failure ??= error
    },
  })
  const html = dedupeLinks(await new Response(prelude).text())
  if (failure) throw failure
  return html.startsWith('<!DOCTYPE') ? html : `<!DOCTYPE html>${html}`
}

/**
 * Keeps the first of identical `<link>` tags. The hero's preload is written by the document
 * (`HeroPreload`) and, in a production build, also by `Img`'s `preload()` call, which reaches
 * this renderer there but not under `next dev`.
 */
export const dedupeLinks = (html: string): string => {
  const seen = new Set<string>()
  return html.replace(/<link\b[^>]*>/g, (tag) => {
    if (seen.has(tag)) return ''
    seen.add(tag)
    return tag
  })
}

let stylesheetsOnce: string[] | null = null

/**
 * The stylesheets Next built for the article page (the site's styles and the live coverage's),
 * read once from the build's client reference manifest of that page: a route handler has no CSS
 * of its own. Empty outside a production build.
 */
export const articleStylesheets = (): string[] => {
  if (stylesheetsOnce) return stylesheetsOnce
  const manifest = path.join(
    process.cwd(),
    '.next/server/app/(frontend)/[lang]/articles/[slug]/page_client-reference-manifest.js',
  )
  try {
    const text = readFileSync(manifest, 'utf8')
    const files = [...text.matchAll(/"(static\/[^"]+?\.css)"/g)].map((m) => `/_next/${m[1]}`)
    stylesheetsOnce = [...new Set(files)]
  } catch {
    stylesheetsOnce = []
  }
  return stylesheetsOnce
}
