/**
 * The newsletter's test helpers: calling its endpoints as a reader (a form or JSON, from a given
 * client address), and reading its emails from the outbox (headers included) and the links in
 * them.
 */
import { readdir, readFile } from 'node:fs/promises'

export type OutboxMail = {
  to: string[]
  subject: string
  text: string
  html: string
  messageId?: string
  headers: Record<string, string>
}

/** Every email in the outbox, oldest first, with the headers the app gave it. */
export const readMails = async (outboxDir: string): Promise<OutboxMail[]> => {
  const files = (await readdir(outboxDir).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.json'))
    .sort()
  return Promise.all(
    files.map(async (file) => {
      const mail = JSON.parse(await readFile(`${outboxDir}/${file}`, 'utf8'))
      return { headers: {}, ...mail } as OutboxMail
    }),
  )
}

/** The emails sent to `email`, oldest first. */
export const mailsTo = async (outboxDir: string, email: string) =>
  (await readMails(outboxDir)).filter((mail) => mail.to.includes(email.toLowerCase()))

/** The confirmation link's path and token in an email (null when it has none). */
export const confirmLinkIn = (mail: OutboxMail) => {
  const match = mail.text.match(
    /https?:\/\/[^\s]+(\/(en|az|ru)\/newsletter\/confirm\?token=([^\s]+))/,
  )
  return match ? { path: match[1], token: decodeURIComponent(match[3]) } : null
}

/** The signed manage link's path and token in an email. */
export const manageLinkIn = (mail: OutboxMail) => {
  const match = mail.text.match(
    /https?:\/\/[^\s]+(\/(en|az|ru)\/newsletter\/manage\?token=([^\s#]+))/,
  )
  return match ? { path: match[1], token: decodeURIComponent(match[3]) } : null
}

/** The one-click URL of an email's List-Unsubscribe header (its path and query). */
export const oneClickPathOf = (mail: OutboxMail): string | null => {
  const header = mail.headers['List-Unsubscribe'] ?? mail.headers['list-unsubscribe']
  const match = header?.match(/<https?:\/\/[^/>]+(\/api\/subscribers\/unsubscribe\?token=[^>]+)>/)
  return match ? match[1] : null
}

export type Post = (path: string, init: RequestInit) => Promise<Response>

let clients = 0
/** A client address of its own (X-Forwarded-For), so rate limits count each test separately. */
export const newClientAddress = () => {
  clients += 1
  // With no trusted proxy the app takes the last entry of X-Forwarded-For: one address.
  return `10.${process.pid % 250}.${Math.floor(clients / 250)}.${(clients % 250) + 1}`
}

/** A form post (`application/x-www-form-urlencoded`), as a browser without JavaScript sends it. */
export const formInit = (
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): RequestInit => {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one)
  }
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: body.toString(),
    redirect: 'manual',
  }
}

/** A JSON post, as the enhanced form sends it. */
export const jsonInit = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
  redirect: 'manual',
})

/** The reader-facing message of a refusal (`errors[0].message`) and its code. */
export const refusalOf = async (response: Response) => {
  const body = (await response.json()) as {
    errors?: { message: string; data?: { code?: string } }[]
  }
  return { message: body.errors?.[0]?.message ?? '', code: body.errors?.[0]?.data?.code ?? '' }
}
