import './stageBadge.css'

/**
 * An article's stage as a coloured badge: the one badge of the admin (Workflow panel, timeline,
 * articles list, desk, Translations panel). Presentational only: the label comes from the caller
 * (the stage's name in the admin's language, `useWords().stage`), the colour
 * from the stage's name.
 */
export const StageBadge = ({
  stage,
  label,
  size = 'normal',
}: {
  stage: string | null | undefined
  label: string
  size?: 'normal' | 'small'
}) =>
  stage ? (
    <span
      className={`wf-badge wf-badge--${stage}${size === 'small' ? ' wf-badge--small' : ''}`}
      data-stage={stage}
    >
      {label}
    </span>
  ) : null
