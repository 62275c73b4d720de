import type { UIField } from 'payload'

/**
 * The Translations panel in an article's sidebar (src/components/translations/): the story's
 * language versions, "Add translation", and on a version the original side by side with what
 * changed in it. Stores nothing; everything it shows comes from the translation endpoints.
 */
export const translationsPanelField: UIField = {
  name: 'translationsPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '@/components/translations/TranslationsPanel#TranslationsPanel' },
  },
}
