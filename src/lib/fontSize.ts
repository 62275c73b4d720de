/**
 * The reader's text size, kept in a cookie (and localStorage). Pages are shared by every reader and
 * cached, so the server never reads it: `readerPreferencesScript` applies it before the first paint.
 */
export const FONT_SIZE_COOKIE = 'font-size'
export const FONT_SIZES = ['sm', 'md', 'lg', 'xl'] as const
export type FontSize = (typeof FONT_SIZES)[number]

export const parseFontSize = (value: string | undefined): FontSize =>
  (FONT_SIZES as readonly string[]).includes(value ?? '') ? (value as FontSize) : 'md'
