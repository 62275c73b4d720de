import { initI18n, type I18n } from '@payloadcms/translations'
import type { Field, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { adminTranslations, type AdminDictionary } from '@/i18n/admin'
import { en } from '@/i18n/admin/en'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/lib/languages'

/**
 * The admin's own words in every admin language (src/i18n/admin/): every label, description,
 * option label, tab and group name of every collection, global and field of the built config,
 * resolved the way the admin resolves them (functions called with Payload's `t` in that
 * language, per-language objects indexed by it). None is a bare English string, none is empty or
 * an unresolved key, and no Azerbaijani or Russian text is the English one but for a few words
 * that are the same in every language.
 */

// @ts-expect-error a dictionary without every key of the English one fails the type check
export const incomplete: AdminDictionary = { ...en, groups: { content: 'Məzmun' } }

/** Texts that are the same in az or ru as in English, on purpose. */
const SAME_IN_EVERY_LANGUAGE = new Set(['SEO', 'Facebook', 'X', 'Instagram', 'YouTube', 'Spam'])
  .add('Youtube')
  .add('Telegram')
  .add('Linkedin')

/**
 * Labels left as plain strings on purpose: each language's own name (src/lib/languages.ts),
 * the social platforms' brand names, and the SEO plugin's group on pages ("SEO", set by the
 * plugin, the word the newsroom uses in every language).
 */
const PLAIN_ON_PURPOSE = new Set<string>([
  ...Object.values(LANGUAGE_NAMES),
  'SEO',
  ...['Facebook', 'X', 'Instagram', 'Youtube', 'Telegram', 'Linkedin'],
])

/**
 * Fields whose label is Payload's or a plugin's, not the project's: Payload's own (ids,
 * timestamps, status, auth and upload fields, translated by Payload), and the plugins' (nested
 * docs' breadcrumbs and parent, the SEO plugin's fields on pages, S3's columns).
 */
const NOT_OURS = new Set<string>([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  '_status',
  // auth
  'email',
  'password',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'salt',
  'hash',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'apiKey',
  'enableAPIKey',
  // upload
  'url',
  'thumbnailURL',
  'filename',
  'mimeType',
  'filesize',
  'width',
  'height',
  'focalX',
  'focalY',
  'sizes',
  'prefix',
  '_objectKey',
  // nested docs
  'parent',
  'breadcrumbs',
])

type Finding = { where: string; problem: string }

type Labelled = Record<string, unknown>

const resolve = (value: unknown, i18n: I18n): string | undefined => {
  if (typeof value === 'function') return value({ t: i18n.t, i18n })
  if (value && typeof value === 'object') {
    return (value as Record<string, string>)[i18n.language]
  }
  return typeof value === 'string' ? value : undefined
}

/** Checks one text of the admin in all three languages; `required` when it must be there. */
const checkText = (
  findings: Finding[],
  i18ns: Record<Language, I18n>,
  where: string,
  value: unknown,
  required: boolean,
) => {
  if (value === undefined || value === false) {
    if (required) findings.push({ where, problem: 'no label (Payload would show English)' })
    return
  }
  if (typeof value === 'string') {
    if (!PLAIN_ON_PURPOSE.has(value)) findings.push({ where, problem: `plain string "${value}"` })
    return
  }
  const english = resolve(value, i18ns.en)
  for (const language of LANGUAGES) {
    const text = resolve(value, i18ns[language])
    if (!text || !text.trim()) {
      findings.push({ where, problem: `${language}: empty` })
    } else if (/^custom:|^[a-z]+:[a-zA-Z:]+$/.test(text)) {
      findings.push({ where, problem: `${language}: unresolved key "${text}"` })
    } else if (language !== 'en' && text === english && !SAME_IN_EVERY_LANGUAGE.has(text)) {
      findings.push({ where, problem: `${language}: same as English "${text}"` })
    }
  }
}

const checkFields = (
  findings: Finding[],
  i18ns: Record<Language, I18n>,
  where: string,
  fields: Field[],
) => {
  for (const field of fields) {
    const named = 'name' in field ? field.name : undefined
    const here = named ? `${where}.${named}` : where
    const admin = (field.admin ?? {}) as Labelled
    const ours =
      !(named && NOT_OURS.has(named)) && !admin.hidden && !('hidden' in field && field.hidden)
    if (ours && field.type !== 'ui' && field.type !== 'row' && field.type !== 'collapsible') {
      if (field.type !== 'tabs' && (named || 'label' in field)) {
        checkText(findings, i18ns, `${here} label`, (field as Labelled).label, Boolean(named))
      }
      if (admin.description !== undefined) {
        checkText(findings, i18ns, `${here} description`, admin.description, true)
      }
      const labels = (field as Labelled).labels as Labelled | undefined
      if (field.type === 'array') {
        checkText(findings, i18ns, `${here} labels.singular`, labels?.singular, true)
        checkText(findings, i18ns, `${here} labels.plural`, labels?.plural, true)
      }
      if ('options' in field) {
        for (const option of field.options) {
          const value = typeof option === 'string' ? option : option.value
          const text = typeof option === 'string' ? undefined : option.label
          checkText(findings, i18ns, `${here} option ${value}`, text, true)
        }
      }
    }
    if (field.type === 'tabs') {
      field.tabs.forEach((tab, index) => {
        const tabWhere = `${here} tab ${'name' in tab && tab.name ? tab.name : index}`
        checkText(findings, i18ns, `${tabWhere} label`, tab.label, true)
        if (tab.description !== undefined) {
          checkText(findings, i18ns, `${tabWhere} description`, tab.description, true)
        }
        checkFields(findings, i18ns, tabWhere, tab.fields)
      })
    } else if (ours && 'fields' in field) {
      checkFields(findings, i18ns, here, field.fields)
    }
  }
}

/** Everything the admin shows of the project's config that is not in its own dictionary. */
const findUntranslated = async (config: SanitizedConfig): Promise<Finding[]> => {
  const i18ns = Object.fromEntries(
    await Promise.all(
      LANGUAGES.map(async (language) => [
        language,
        await initI18n({ config: config.i18n, context: 'client', language }),
      ]),
    ),
  ) as Record<Language, I18n>
  const findings: Finding[] = []
  for (const collection of config.collections) {
    // Payload's own collections (preferences, migrations, locks, jobs) are translated by Payload.
    if (collection.slug.startsWith('payload-')) continue
    const where = `collections.${collection.slug}`
    checkText(findings, i18ns, `${where} labels.singular`, collection.labels.singular, true)
    checkText(findings, i18ns, `${where} labels.plural`, collection.labels.plural, true)
    checkText(findings, i18ns, `${where} admin.group`, collection.admin.group, true)
    if (collection.admin.description !== undefined) {
      checkText(findings, i18ns, `${where} admin.description`, collection.admin.description, true)
    }
    checkFields(findings, i18ns, where, collection.fields)
  }
  for (const global of config.globals) {
    const where = `globals.${global.slug}`
    checkText(findings, i18ns, `${where} label`, global.label, true)
    checkText(findings, i18ns, `${where} admin.group`, global.admin.group, true)
    checkFields(findings, i18ns, where, global.fields)
  }
  return findings
}

describe("the admin's own labels in every admin language", () => {
  it('registers the dictionaries as Payload custom translations', async () => {
    const config = await (await import('@payload-config')).default
    for (const language of LANGUAGES) {
      const i18n = await initI18n({ config: config.i18n, context: 'client', language })
      expect(i18n.t('custom:stages:draft' as never)).toBe(
        adminTranslations[language].custom.stages.draft,
      )
    }
  })

  it('labels every collection, global, field, option, tab and group in en, az and ru', async () => {
    const config = await (await import('@payload-config')).default
    const findings = await findUntranslated(config)
    expect(findings.map(({ where, problem }) => `${where}: ${problem}`)).toEqual([])
  }, 60_000)
})
