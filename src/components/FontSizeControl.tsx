'use client'

import { useEffect, useState } from 'react'

import { FONT_SIZE_COOKIE, FONT_SIZES, parseFontSize, type FontSize } from '@/lib/fontSize'

/**
 * Text size buttons. The choice is kept in a cookie, which the head script of the next page
 * applies before it paints (`src/lib/readerPreferences.ts`), and in localStorage. The page itself
 * is the same for every reader, so the buttons start from what that script set.
 */
export function FontSizeControl({
  labels,
}: {
  labels: { label: string; smaller: string; reset: string; larger: string }
}) {
  const [size, setSize] = useState<FontSize>('md')
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the size the head script applied
    setSize(parseFontSize(document.documentElement.dataset.fontSize))
  }, [])
  const apply = (next: FontSize) => {
    setSize(next)
    document.documentElement.dataset.fontSize = next
    document.cookie = `${FONT_SIZE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`
    try {
      localStorage.setItem(FONT_SIZE_COOKIE, next)
    } catch {
      // storage can be disabled; the cookie is enough
    }
  }
  const index = FONT_SIZES.indexOf(size)
  return (
    <div className="font-size" role="group" aria-label={labels.label}>
      <button
        type="button"
        onClick={() => apply(FONT_SIZES[Math.max(0, index - 1)])}
        disabled={index === 0}
        data-font="smaller"
      >
        <span aria-hidden="true">A−</span>
        <span className="visually-hidden">{labels.smaller}</span>
      </button>
      <button
        type="button"
        onClick={() => apply('md')}
        aria-pressed={size === 'md'}
        data-font="reset"
      >
        <span aria-hidden="true">A</span>
        <span className="visually-hidden">{labels.reset}</span>
      </button>
      <button
        type="button"
        onClick={() => apply(FONT_SIZES[Math.min(FONT_SIZES.length - 1, index + 1)])}
        disabled={index === FONT_SIZES.length - 1}
        data-font="larger"
      >
        <span aria-hidden="true">A+</span>
        <span className="visually-hidden">{labels.larger}</span>
      </button>
    </div>
  )
}
