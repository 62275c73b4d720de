'use client'

import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { translationsDictionary } from './strings'
import './translations.css'

/** The list view's "Needs update" column: a mark on versions whose original changed, else empty. */
export const NeedsUpdateCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return cellData ? (
    <span className="tr-flag tr-flag--cell" data-testid="needs-update-cell">
      {translationsDictionary(i18n.language).words.needsUpdate}
    </span>
  ) : null
}
