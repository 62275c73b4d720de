/**
 * HTML the server writes itself, outside React: emails (the newsroom's notices, the readers'
 * confirmations and digests) and the small pages a form without JavaScript gets back. Every
 * value goes through `escapeHtml`; the frames here are the only markup they share.
 */

/** Text made safe inside HTML, attribute values included. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const EMAIL_STYLES = {
  /** the newsroom's notices: plain and compact */
  newsroom:
    'font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;',
  /** readers' emails: the site's serif, one readable column */
  reader:
    'font-family: Georgia, serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 640px; margin: 0 auto; padding: 16px;',
} as const

/** An email's HTML document in `language`, around `body` (HTML already escaped). */
export const emailHtml = (
  language: string,
  body: string[],
  audience: keyof typeof EMAIL_STYLES = 'newsroom',
) =>
  [
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"></head>`,
    `<body style="${EMAIL_STYLES[audience]}">`,
    ...body,
    '</body></html>',
  ].join('\n')

/** A small line under an email's text (who sent it, why, the way out). */
export const emailFooterHtml = (html: string) =>
  `<p style="color: #666; font-size: 12px;">${html}</p>`

/**
 * A page a reader's form without JavaScript gets back (a refusal, worded in their language,
 * usually with the form again): never indexed, in one readable column.
 */
export const readerPageHtml = (language: string, title: string, body: string, css = '') =>
  `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">` +
  '<meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  `<title>${escapeHtml(title)}</title>` +
  `<style>body{font:17px/1.5 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem}input,textarea{width:100%;font:inherit}${css}</style>` +
  `</head><body>${body}</body></html>`
