'use client'

import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { workflowLabels } from './labels'
import { StageBadge } from '../admin/StageBadge'

/** The stage column of the articles list: a badge in the admin's language. */
export const StageCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  const stage = typeof cellData === 'string' ? cellData : null
  return (
    <StageBadge stage={stage} label={workflowLabels(i18n.language).stage(stage)} size="small" />
  )
}
