'use client'

import { Button } from '@payloadcms/ui'

import type { OriginalChangesResponse, WordChange } from '@/translations/api'

import type { Dictionary } from './strings'

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

/**
 * On a version whose original changed: what changed since (title and dek word by word, the body
 * paragraph by paragraph) and, for those who work on it, "Mark updated".
 */
export const OriginalChanges = ({
  changes,
  since,
  words,
  mayMarkUpdated,
  busy,
  modified,
  onMarkUpdated,
}: {
  changes: OriginalChangesResponse
  /** when the version was made or last marked updated, formatted for the admin */
  since: string
  words: Dictionary['words']
  mayMarkUpdated: boolean
  busy: string | null
  modified: boolean
  onMarkUpdated: () => void
}) => (
  <div className="tr-changes" role="alert" data-testid="original-changes">
    <p className="tr-changes__title">{words.changedTitle}</p>
    {changes.changed ? (
      <>
        <p className="tr-small">{words.changedSince(since)}</p>
        <ol className="tr-diff">
          {changes.fields.map((change) => (
            <li key={change.field} className="tr-diff__item">
              <p className="tr-diff__label">{change.field === 'title' ? words.title : words.dek}</p>
              <p className="tr-diff__text">
                <Words words={change.words} />
              </p>
            </li>
          ))}
          {changes.paragraphs.map((change, index) => (
            <li key={`p${index}`} className="tr-diff__item">
              <p className="tr-diff__label">{words.paragraph(change.paragraph, change.kind)}</p>
              <p className="tr-diff__text">
                <Words words={change.words} />
              </p>
            </li>
          ))}
        </ol>
      </>
    ) : (
      <p className="tr-small">{words.noTextChanges}</p>
    )}
    {mayMarkUpdated ? (
      <div className="tr-changes__actions">
        <p className="tr-small">{modified ? words.markUpdatedHint : words.changedIntro}</p>
        <Button
          buttonStyle="primary"
          size="small"
          margin={false}
          disabled={Boolean(busy) || modified}
          onClick={onMarkUpdated}
          id="mark-translation-updated"
        >
          {busy === 'mark' ? words.marking : words.markUpdated}
        </Button>
      </div>
    ) : null}
  </div>
)
