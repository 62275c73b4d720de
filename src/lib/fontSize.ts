/** The reader's text size, kept in a cookie so the server renders pages at that size. */
export const FONT_SIZE_COOKIE = 'font-size'
export const FONT_SIZES = ['sm', 'md', 'lg', 'xl'] as const
export type FontSize = (typeof FONT_SIZES)[number]

export const parseFontSize = (value: string | undefined): FontSize =>
  (FONT_SIZES as readonly string[]).includes(value ?? '') ? (value as FontSize) : 'md'
