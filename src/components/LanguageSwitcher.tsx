import { LANGUAGE_NAMES, LANGUAGES, languageCode } from '@/lib/languages'

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
          const name = LANGUAGE_NAMES[code]
          const short = languageCode(code)
          if (code === lang) {
            return (
              <li key={code}>
                <span aria-current="true" title={name} lang={code}>
                  {short}
                </span>
              </li>
            )
          }
          const href = alternates[code]
          if (!href) return null
          return (
            <li key={code}>
              <a href={href} hrefLang={code} lang={code} title={name} data-lang={code}>
                <span aria-hidden="true">{short}</span>
                <span className="visually-hidden">{name}</span>
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
