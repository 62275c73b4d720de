'use client'

import { useState } from 'react'

/** The menu button on small screens: shows and hides the main menu (`controls`). */
export function MenuToggle({ controls, label }: { controls: string; label: string }) {
  const [open, setOpen] = useState(false)
  return (
    <button
      type="button"
      className="menu-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => {
        const next = !open
        setOpen(next)
        document.getElementById(controls)?.toggleAttribute('data-open', next)
      }}
    >
      <span className="menu-icon" aria-hidden="true" />
      {label}
    </button>
  )
}
