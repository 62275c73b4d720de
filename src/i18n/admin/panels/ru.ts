import type { Shape } from '../dictionary'
import type { panelsEn } from './en'

/** Russian: the same keys as English (panels/en.ts). */
export const panelsRu: Shape<typeof panelsEn> = {}
