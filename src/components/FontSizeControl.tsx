'use client'

import { useState } from 'react'

import { FONT_SIZE_COOKIE, FONT_SIZES, type FontSize } from '@/lib/fontSize'

/**
 * Text size buttons. The choice is kept in a cookie (read by the server, so the next page is
 * rendered at the right size with no shift) and in localStorage.
 */
export function FontSizeControl({
  initial,
  labels,
}: {
  initial: FontSize
  labels: { label: string; smaller: string; reset: string; larger: string }
}) {
  const [size, setSize] = useState<FontSize>(initial)
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
