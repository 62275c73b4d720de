import type { Shape } from '../dictionary'
import type { emailsEn } from './en'

/** Russian: the same keys as English (emails/en.ts). */
export const emailsRu: Shape<typeof emailsEn> = {}
