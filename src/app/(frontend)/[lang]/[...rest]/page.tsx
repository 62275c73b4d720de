import { notFound } from 'next/navigation'

/** Any other path under a language is the site's 404 page. */
export default function UnknownPage() {
  notFound()
}
