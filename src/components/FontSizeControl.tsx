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
        aria-label={labels.smaller}
        data-font="smaller"
      >
        A<span aria-hidden="true">−</span>
      </button>
      <button
        type="button"
        onClick={() => apply('md')}
        aria-label={labels.reset}
        aria-pressed={size === 'md'}
        data-font="reset"
      >
        A
      </button>
      <button
        type="button"
        onClick={() => apply(FONT_SIZES[Math.min(FONT_SIZES.length - 1, index + 1)])}
        disabled={index === FONT_SIZES.length - 1}
        aria-label={labels.larger}
        data-font="larger"
      >
        A<span aria-hidden="true">+</span>
      </button>
    </div>
  )
}
