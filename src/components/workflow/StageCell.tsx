'use client'

import type { DefaultCellComponentProps } from 'payload'

import { StageBadge } from '../admin/StageBadge'
import { useWords } from '../admin/useWords'

/** The stage column of the articles list: a badge in the admin's language. */
export const StageCell = ({ cellData }: DefaultCellComponentProps) => {
  const l = useWords()
  const stage = typeof cellData === 'string' ? cellData : null
  return <StageBadge stage={stage} label={l.stage(stage)} size="small" />
}
