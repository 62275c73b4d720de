import readingTimeLib from 'reading-time'

import { type LexicalState, lexicalToPlainText } from './lexical'

/** Words per minute for "N Min Read"; a common figure for news copy read on screen. */
export const WORDS_PER_MINUTE = 200

/** Whole minutes to read a Lexical body, at least 1 for any text, 0 for none. */
export const readingTimeOf = (body: LexicalState): number => {
  const text = lexicalToPlainText(body)
  if (!text.trim()) return 0
  const { minutes } = readingTimeLib(text, { wordsPerMinute: WORDS_PER_MINUTE })
  return Math.max(1, Math.round(minutes))
}
