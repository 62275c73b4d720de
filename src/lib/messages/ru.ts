import type { Shape } from '../dictionary'
import type { messagesEn } from './en'

/** Russian: the same keys as English (messages/en.ts). */
export const messagesRu: Shape<typeof messagesEn> = {
  request: {
    notJson: 'Тело запроса должно быть в формате JSON.',
  },
}
