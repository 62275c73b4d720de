import type { Metadata } from 'next'
import React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Caspian Digest', template: '%s · Caspian Digest' },
  description: 'Daily news and analysis on Azerbaijan and its region, in three languages.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
