import type { Shape } from '../dictionary'
import type { emailsEn } from './en'

/** Azerbaijani: the same keys as English (emails/en.ts). */
export const emailsAz: Shape<typeof emailsEn> = {}
