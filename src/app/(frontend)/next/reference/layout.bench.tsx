import type React from 'react'

/** Root layout of the benchmark's reference pages (`./[kb]/page.bench.tsx`; in a benchmark build only): a bare document. */
export default function ReferenceLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
