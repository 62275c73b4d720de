import type { CollectionConfig, Plugin } from 'payload'

import { changeCollection } from '@/lib/plugins'

import {
  redirectChangedAddress,
  redirectChangedSection,
  redirectChangedTag,
  rememberLiveAddress,
} from './hooks/automatic'

type Hooks = NonNullable<CollectionConfig['hooks']>

const withHooks = (collection: CollectionConfig, added: Hooks): CollectionConfig => {
  const hooks: Record<string, unknown[] | undefined> = { ...collection.hooks }
  for (const [kind, list] of Object.entries(added)) {
    hooks[kind] = [...(list ?? []), ...(hooks[kind] ?? [])]
  }
  return { ...collection, hooks: hooks as Hooks }
}

/**
 * The automatic redirects' hooks (hooks/automatic.ts), added the way Payload's plugins add
 * theirs: on articles (their place among the articles' hooks is set by `ARTICLE_HOOKS` in
 * src/plugins.ts), and first in the afterChange hooks of sections and tags, so that the redirect
 * is written before their cache expiry has the proxy fetch pages again.
 */
export const redirectsPlugin: Plugin = (config) => {
  const withArticles = changeCollection(config, 'articles', (articles) =>
    withHooks(articles, {
      beforeChange: [rememberLiveAddress],
      afterChange: [redirectChangedAddress],
    }),
  )
  const withSections = changeCollection(withArticles, 'categories', (categories) =>
    withHooks(categories, { afterChange: [redirectChangedSection] }),
  )
  return changeCollection(withSections, 'tags', (tags) =>
    withHooks(tags, { afterChange: [redirectChangedTag] }),
  )
}
