import type React from 'react'

/** Root layout of the benchmark's reference pages (`./[kb]/page.tsx`): a bare document. */
export default function ReferenceLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
