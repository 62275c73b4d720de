'use client'

import { useState, type FormEvent } from 'react'

export type SubscribeFormWords = {
  title: string
  intro: string
  email: string
  language: string
  sections: string
  everything: string
  honeypot: string
  submit: string
  sending: string
  done: string
  failed: string
}

export type SubscribeFormProps = {
  /** `footer` or `article`: names the form's ids and its `#newsletter-done-…` fragment */
  place: string
  lang: string
  languages: { value: string; label: string }[]
  sections: { id: number; name: string }[]
  /** the page to come back to without JavaScript (else the Referer) */
  returnTo?: string
  words: SubscribeFormWords
}

/**
 * The newsletter form: a plain POST to `/api/subscribers/subscribe` that works without
 * JavaScript (303 back with `#newsletter-done-{place}`, shown by CSS `:target`), and with it
 * the same fields sent as JSON and the answer shown inline. The same for every reader, so the
 * page around it stays cached.
 */
export function SubscribeForm({
  place,
  lang,
  languages,
  sections,
  returnTo,
  words,
}: SubscribeFormProps) {
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'error'>('idle')
  const [answer, setAnswer] = useState('')
  const id = (name: string) => `newsletter-${place}-${name}`

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = {
      email: form.get('email'),
      language: form.get('language'),
      sections: form.getAll('sections'),
      all: form.get('all') === 'on',
      homepage: form.get('homepage'),
    }
    setState('sending')
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), 15_000)
    try {
      const response = await fetch('/api/subscribers/subscribe', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      })
      const json = await response.json().catch(() => ({}))
      if (response.ok) {
        setAnswer(json.message ?? words.done)
        setState('done')
      } else {
        setAnswer(json.errors?.[0]?.message ?? words.failed)
        setState('error')
      }
    } catch {
      setAnswer(words.failed)
      setState('error')
    } finally {
      clearTimeout(timer)
    }
  }

  return (
    <section className={`newsletter-signup newsletter-${place}`} aria-labelledby={id('title')}>
      <h2 id={id('title')} className="newsletter-title">
        {words.title}
      </h2>
      <p id={`newsletter-done-${place}`} className="newsletter-notice" role="status">
        {words.done}
      </p>
      <p className="newsletter-intro">{words.intro}</p>
      <form
        className="newsletter-form"
        method="post"
        action="/api/subscribers/subscribe"
        onSubmit={onSubmit}
      >
        <input type="hidden" name="place" value={place} />
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <p className="newsletter-field">
          <label htmlFor={id('email')}>{words.email}</label>
          <input
            id={id('email')}
            type="email"
            name="email"
            required
            maxLength={254}
            autoComplete="email"
          />
        </p>
        <p className="newsletter-field">
          <label htmlFor={id('language')}>{words.language}</label>
          <select id={id('language')} name="language" defaultValue={lang}>
            {languages.map((language) => (
              <option key={language.value} value={language.value}>
                {language.label}
              </option>
            ))}
          </select>
        </p>
        <fieldset className="newsletter-sections">
          <legend>{words.sections}</legend>
          <label>
            <input type="checkbox" name="all" defaultChecked /> {words.everything}
          </label>
          {sections.map((section) => (
            <label key={section.id}>
              <input type="checkbox" name="sections" value={section.id} /> {section.name}
            </label>
          ))}
        </fieldset>
        <p className="newsletter-honeypot" aria-hidden="true">
          <label htmlFor={id('homepage')}>{words.honeypot}</label>
          <input id={id('homepage')} type="text" name="homepage" tabIndex={-1} autoComplete="off" />
        </p>
        <p>
          <button type="submit" disabled={state === 'sending'}>
            {state === 'sending' ? words.sending : words.submit}
          </button>
        </p>
        {(state === 'done' || state === 'error') && (
          <p
            className={`newsletter-answer newsletter-answer-${state}`}
            role={state === 'error' ? 'alert' : 'status'}
          >
            {answer}
          </p>
        )}
      </form>
    </section>
  )
}
