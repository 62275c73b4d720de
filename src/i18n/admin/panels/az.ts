import type { Shape } from '../dictionary'
import type { panelsEn } from './en'

/** Azerbaijani: the same keys as English (panels/en.ts). */
export const panelsAz: Shape<typeof panelsEn> = {}
