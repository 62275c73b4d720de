import { getTranslations } from 'next-intl/server'

import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

import styles from './search.module.css'

/** A plain GET form: works without JavaScript and gives every search a shareable URL. */
export async function SearchForm({ lang, q }: { lang: Language; q: string }) {
  const t = await getTranslations({ locale: lang, namespace: 'search' })
  return (
    <form role="search" action={urls.search(lang)} method="get" className={styles.form}>
      <label htmlFor="search-q">{t('label')}</label>
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
        <button type="submit">{t('submit')}</button>
      </div>
    </form>
  )
}
