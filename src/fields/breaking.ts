import type { UIField } from 'payload'

/**
 * The breaking-news control in an article's sidebar (src/components/breaking/BreakingControl.tsx),
 * for editors on published articles. Stores nothing on the article: the mark is its own
 * document (`breaking-news`), so marking never re-publishes the article.
 */
export const breakingField: UIField = {
  name: 'breakingControl',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '@/components/breaking/BreakingControl#BreakingControl' },
  },
}
