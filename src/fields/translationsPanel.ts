import type { UIField } from 'payload'

import { hasRole, isEditorUser } from '@/access/roles'

/** A translator (not also an editor): the Translations panel is what they act on first. */
const translatorOnly = (user: Parameters<typeof hasRole>[0]) =>
  hasRole(user, 'translator') && !isEditorUser(user)

const panel = {
  position: 'sidebar',
  disableListColumn: true,
  components: { Field: '@/components/translations/TranslationsPanel#TranslationsPanel' },
} as const

/**
 * The Translations panel in an article's sidebar (src/components/translations/): the story's
 * language versions, "Add translation", and on a version the original side by side with what
 * changed in it. Stores nothing; everything it shows comes from the translation endpoints.
 * Shown here (after the workflow) to everyone but translators, who get it first in the sidebar
 * (`translatorsPanelField`).
 */
export const translationsPanelField: UIField = {
  name: 'translationsPanel',
  type: 'ui',
  admin: { ...panel, condition: (_data, _sibling, { user }) => !translatorOnly(user) },
}

/**
 * The same panel for translators, placed first in the sidebar by the translations plugin: what
 * they act on (start an update, mark it updated, the original's changes) before anything else.
 */
export const translatorsPanelField: UIField = {
  name: 'translatorsPanel',
  type: 'ui',
  admin: { ...panel, condition: (_data, _sibling, { user }) => translatorOnly(user) },
}
