'use client'

import { useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Preview = {
  language: string
  sendAt: string
  articles: number
  recipients: number
  subscribed: number
  html: string
}

/** Picks a language and shows its next digest (the endpoint's answer) in a sandboxed frame. */
export const DigestPreview = ({
  initialLanguage,
  languages,
}: {
  initialLanguage: string
  languages: { value: string; label: string }[]
}) => {
  const { t, i18n } = useTranslation()
  const say = (key: string, values?: Record<string, unknown>) =>
    (t as (k: string, v?: Record<string, unknown>) => string)(
      `custom:newsletter:preview:${key}`,
      values,
    )
  const [language, setLanguage] = useState(initialLanguage)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), 15_000)
    fetch(`/api/subscribers/digest-preview?language=${encodeURIComponent(language)}`, {
      credentials: 'same-origin',
      signal: controller.signal,
    })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? String(response.status))
        setError(null)
        setPreview(body as Preview)
      })
      .catch((reason: Error) => {
        if (reason.name !== 'AbortError') setError(reason.message)
      })
      .finally(() => clearTimeout(timer))
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [language])

  const time = preview
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short' }).format(
        new Date(preview.sendAt),
      )
    : ''
  return (
    <div className="newsletter-preview__body">
      <p>{say('intro')}</p>
      <label>
        {say('language')}{' '}
        <select
          name="language"
          value={language}
          onChange={(event) => {
            setError(null)
            setLanguage(event.target.value)
          }}
        >
          {languages.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {error && <p role="alert">{error}</p>}
      {preview && preview.language === language && (
        <>
          <p data-testid="digest-send-at">{say('sendAt', { time })}</p>
          <p data-testid="digest-articles">{say('articles', { count: preview.articles })}</p>
          <p data-testid="digest-recipients">{say('recipients', { count: preview.recipients })}</p>
          {preview.articles === 0 && <p>{say('empty')}</p>}
          <iframe
            title={say('frameTitle')}
            sandbox=""
            srcDoc={preview.html}
            style={{
              width: '100%',
              minHeight: '70vh',
              border: '1px solid var(--theme-elevation-150)',
            }}
          />
        </>
      )}
    </div>
  )
}
