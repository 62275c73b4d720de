import { LANGUAGE_NAMES } from '@/lib/format'
import { LANGUAGES } from '@/lib/languages'

export type Alternates = Partial<Record<string, string>>

/**
 * Links to this page in the other languages. `alternates` holds only the languages the page
 * exists in (for an article: its published versions), so no link leads to a missing page.
 */
export function LanguageSwitcher({
  lang,
  alternates,
  label,
}: {
  lang: string
  alternates: Alternates
  label: string
}) {
  return (
    <nav className="lang-switcher" aria-label={label}>
      <ul>
        {LANGUAGES.map((code) => {
          const names = LANGUAGE_NAMES[code]
          if (code === lang) {
            return (
              <li key={code}>
                <span aria-current="true" title={names.name} lang={code}>
                  {names.short}
                </span>
              </li>
            )
          }
          const href = alternates[code]
          if (!href) return null
          return (
            <li key={code}>
              <a href={href} hrefLang={code} lang={code} title={names.name} data-lang={code}>
                <span aria-hidden="true">{names.short}</span>
                <span className="visually-hidden">{names.name}</span>
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
