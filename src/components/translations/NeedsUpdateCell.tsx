'use client'

import type { DefaultCellComponentProps } from 'payload'

import { useWords } from '../admin/useWords'
import './translations.css'

/** The list view's "Needs update" column: a mark on versions whose original changed, else empty. */
export const NeedsUpdateCell = ({ cellData }: DefaultCellComponentProps) => {
  const l = useWords()
  return cellData ? (
    <span className="tr-flag tr-flag--cell" data-testid="needs-update-cell">
      {l.t('translations:needsUpdate')}
    </span>
  ) : null
}
