import readingTimeLib from 'reading-time'

import { type LexicalState, lexicalToPlainText } from './lexical'

/** Words per minute for "N Min Read"; a common figure for news copy read on screen. */
export const WORDS_PER_MINUTE = 200

/** Minutes to read a Lexical body, rounded up (as "N Min Read" is usually shown); 0 for no text. */
export const readingTimeOf = (body: LexicalState): number => {
  const text = lexicalToPlainText(body)
  if (!text.trim()) return 0
  const { minutes } = readingTimeLib(text, { wordsPerMinute: WORDS_PER_MINUTE })
  return Math.max(1, Math.ceil(minutes))
}
