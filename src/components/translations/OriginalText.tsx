import type { OriginalText as Text } from './useTranslations'
import type { Words } from '../admin/words'

/** The original's current text, to translate side by side. */
export const OriginalText = ({ text, l }: { text: Text; l: Words }) => (
  <details className="tr-original" open data-testid="original-text">
    <summary>
      {l.t('translations:originalText', { language: l.languageName(text.language) })}
    </summary>
    <p className="tr-muted tr-small">{l.t('translations:originalTextHint')}</p>
    <div className="tr-original__text" lang={text.language}>
      <p className="tr-original__title">{text.title}</p>
      {text.dek ? <p className="tr-original__dek">{text.dek}</p> : null}
      {text.paragraphs.length ? (
        text.paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : (
        <p className="tr-muted">{l.t('translations:emptyBody')}</p>
      )}
    </div>
  </details>
)
