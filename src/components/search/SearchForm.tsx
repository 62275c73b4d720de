import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

import styles from './search.module.css'
import { searchStrings } from './strings'

/** A plain GET form: works without JavaScript and gives every search a shareable URL. */
export function SearchForm({ lang, q }: { lang: Language; q: string }) {
  const t = searchStrings[lang]
  return (
    <form role="search" action={urls.search(lang)} method="get" className={styles.form}>
      <label htmlFor="search-q">{t.label}</label>
      <div className={styles.controls}>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit">{t.submit}</button>
      </div>
    </form>
  )
}
