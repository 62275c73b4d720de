'use client'

import { Button } from '@payloadcms/ui'

import type { OriginalChangesResponse, ParagraphChange, WordChange } from '@/translations/api'

import type { Words as PanelWords } from '../admin/words'

/** Words of a diff: added ones highlighted, removed ones struck through. */
const Words = ({ words }: { words: WordChange[] }) => (
  <>
    {words.map((word, index) =>
      word.added ? (
        <ins key={index}>{word.value}</ins>
      ) : word.removed ? (
        <del key={index}>{word.value}</del>
      ) : (
        <span key={index}>{word.value}</span>
      ),
    )}
  </>
)

const PARAGRAPH_KEYS = {
  changed: 'translations:paragraphChanged',
  added: 'translations:paragraphAdded',
  removed: 'translations:paragraphRemoved',
} as const satisfies Record<ParagraphChange['kind'], string>

/** What the translator does next: start an update, edit and save, or mark it updated. */
const NextStep = ({
  changes,
  l,
  mayStartUpdate,
  mayMarkUpdated,
  busy,
  modified,
  onMarkUpdated,
  onStartUpdate,
}: Props) => {
  if (mayStartUpdate) {
    return (
      <>
        <p className="tr-small" data-testid="start-update-hint">
          {l.t('translations:startUpdate')}
        </p>
        <Button
          buttonStyle="primary"
          size="small"
          margin={false}
          disabled={Boolean(busy) || modified}
          onClick={onStartUpdate}
          id="start-translation-update"
        >
          {busy === 'start' ? '…' : l.transition('start_update')}
        </Button>
      </>
    )
  }
  if (!mayMarkUpdated) return null
  const updated = changes.updatedSinceFlagged
  return (
    <>
      <p className="tr-small" data-testid="mark-updated-hint">
        {modified
          ? l.t('translations:markUpdatedHint')
          : updated
            ? l.t('translations:changedIntro')
            : l.t('translations:notChangedYet')}
      </p>
      <Button
        buttonStyle="primary"
        size="small"
        margin={false}
        disabled={Boolean(busy) || modified || !updated}
        onClick={onMarkUpdated}
        id="mark-translation-updated"
      >
        {busy === 'mark' ? l.t('translations:marking') : l.t('translations:markUpdated')}
      </Button>
    </>
  )
}

type Props = {
  changes: OriginalChangesResponse
  /** when the version was made or last marked updated, formatted for the admin */
  since: string
  l: PanelWords
  /** the version is published and this person starts an update of it in the Workflow panel */
  mayStartUpdate: boolean
  mayMarkUpdated: boolean
  busy: string | null
  modified: boolean
  onMarkUpdated: () => void
  onStartUpdate: () => void
}

/**
 * On a version whose original changed: what to do first (start an update; or, once the text
 * changed, "Mark updated", which waits for an actual change), then what changed since (title and
 * dek word by word, the body paragraph by paragraph).
 */
export const OriginalChanges = (props: Props) => {
  const { changes, since, l } = props
  return (
    <div className="tr-changes" role="alert" data-testid="original-changes">
      <p className="tr-changes__title">{l.t('translations:changedTitle')}</p>
      <div className="tr-changes__actions">
        <NextStep {...props} />
      </div>
      {changes.changed ? (
        <>
          <p className="tr-small">{l.t('translations:changedSince', { when: since })}</p>
          <ol className="tr-diff">
            {changes.fields.map((change) => (
              <li key={change.field} className="tr-diff__item">
                <p className="tr-diff__label">
                  {change.field === 'title'
                    ? l.t('translations:fieldTitle')
                    : l.t('translations:fieldDek')}
                </p>
                <p className="tr-diff__text">
                  <Words words={change.words} />
                </p>
              </li>
            ))}
            {changes.paragraphs.map((change, index) => (
              <li key={`p${index}`} className="tr-diff__item">
                <p className="tr-diff__label">
                  {l.t(PARAGRAPH_KEYS[change.kind], { n: change.paragraph })}
                </p>
                <p className="tr-diff__text">
                  <Words words={change.words} />
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="tr-small">{l.t('translations:noTextChanges')}</p>
      )}
    </div>
  )
}
