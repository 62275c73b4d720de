import type { Shape } from '../dictionary'
import type { messagesEn } from './en'

/** Azerbaijani: the same keys as English (messages/en.ts). */
export const messagesAz: Shape<typeof messagesEn> = {
  request: {
    notJson: 'Sorğunun gövdəsi JSON olmalıdır.',
  },
}
