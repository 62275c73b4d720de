/**
 * The public comment form's contract, shared by the page that renders it
 * (src/components/comments/) and the endpoint that takes it
 * (src/collections/Comments/endpoints/public.ts): field names, the signed render time, the
 * fragments the page shows a notice for. Safe for the browser (no secrets, no Node modules); the
 * signed tokens are in ./commentTokens.ts.
 */
/** Where the form posts, and the other two public write endpoints. */
export const COMMENT_ENDPOINTS = {
  submit: '/api/comments/submit',
  confirm: '/api/comments/confirm',
  erase: '/api/comments/erase',
  /** GET: a fresh render-time token, fetched by the enhanced form when the reader starts typing */
  formToken: '/api/comments/form-token',
} as const

/** The form's field names (a form without JavaScript posts exactly these). */
export const COMMENT_FIELDS = {
  article: 'article',
  parent: 'parent',
  name: 'name',
  email: 'email',
  body: 'body',
  language: 'language',
  /** the honeypot: hidden from people (off-screen, aria-hidden, no tab stop), filled by bots */
  trap: 'website',
  /** the signed render time */
  token: 'ts',
} as const

/** Fragments the article page shows a notice for (CSS `:target`) after a form without JS. */
export const COMMENT_FRAGMENTS = {
  /** a confirmed commenter's comment is in the moderation queue */
  sent: 'comment-sent',
  /** a first-time commenter was sent the confirmation email */
  checkEmail: 'comment-check-email',
} as const

/**
 * The minimum time between the form's render (or the reader's first keystroke, with JavaScript)
 * and its submission, and the longest a rendered form stays valid. The article page is cached
 * for an hour at most (its `revalidate`), so a form taken from the cache carries a token up to an
 * hour old, which still passes; the enhanced form fetches a fresh token when the reader starts
 * typing, so the minimum time counts from then.
 */
export const COMMENT_FORM_MIN_SECONDS = 3
export const COMMENT_FORM_MAX_AGE_SECONDS = 6 * 60 * 60

/** Links in a comment's text: http(s) URLs and `www.` addresses. */
export const countLinks = (text: string): number =>
  (text.match(/\bhttps?:\/\/|\bwww\.[^\s.]/gi) ?? []).length

/** The signed links of the confirmation email. */
export const COMMENT_LINK_PURPOSES = { confirm: 'comment-confirm', erase: 'comment-erase' } as const
export const CONFIRM_LINK_DAYS = 7

export const commentPagePaths = {
  confirm: (lang: string, token: string) =>
    `/${lang}/comments/confirm?token=${encodeURIComponent(token)}`,
  erase: (lang: string, token: string) =>
    `/${lang}/comments/erase?token=${encodeURIComponent(token)}`,
} as const
