import type { Dictionary } from './strings'
import type { OriginalText as Text } from './useTranslations'

/** The original's current text, to translate side by side. */
export const OriginalText = ({ text, dict }: { text: Text; dict: Dictionary }) => (
  <details className="tr-original" open data-testid="original-text">
    <summary>{dict.words.originalText(dict.languages[text.language] ?? text.language)}</summary>
    <p className="tr-muted tr-small">{dict.words.originalTextHint}</p>
    <div className="tr-original__text" lang={text.language}>
      <p className="tr-original__title">{text.title}</p>
      {text.dek ? <p className="tr-original__dek">{text.dek}</p> : null}
      {text.paragraphs.length ? (
        text.paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : (
        <p className="tr-muted">{dict.words.emptyBody}</p>
      )}
    </div>
  </details>
)
