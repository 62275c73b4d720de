import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { Transport } from 'nodemailer'

const FROM = {
  defaultFromAddress: process.env.EMAIL_FROM || 'newsroom@caspiandigest.example',
  defaultFromName: process.env.EMAIL_FROM_NAME || 'Caspian Digest newsroom',
}

/**
 * A nodemailer transport that delivers into a folder: each message as `<time>-<id>.eml` (the
 * full MIME message nodemailer built) and `.json` (to, subject, text, html, headers), plus a line on the
 * console. For development and tests, where there is no mail server. The JSON also has the
 * message's own headers (`headers`: List-Unsubscribe and the like, as given to sendEmail) and its
 * Message-ID, so tests can read them.
 */
/** The headers given to sendEmail, as plain name → value (nodemailer accepts several shapes). */
const headersOf = (headers: unknown): Record<string, string> => {
  if (!headers || typeof headers !== 'object') return {}
  const entries = Array.isArray(headers)
    ? headers.map((h: { key?: string; value?: unknown }) => [String(h.key), h.value] as const)
    : Object.entries(headers as Record<string, unknown>)
  return Object.fromEntries(
    entries.map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null && 'value' in value
        ? String((value as { value: unknown }).value)
        : String(value),
    ]),
  )
}

const outboxTransport = (dir: string): Transport => ({
  name: 'outbox',
  version: '1.0.0',
  send(mail, callback) {
    const chunks: Buffer[] = []
    const stream = mail.message.createReadStream()
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('error', callback)
    stream.on('end', () => {
      try {
        mkdirSync(dir, { recursive: true })
        const messageId = mail.message.messageId()
        const base = `${Date.now()}-${messageId.replace(/[^a-z0-9]/gi, '')}`
        const envelope = mail.message.getEnvelope()
        writeFileSync(path.join(dir, `${base}.eml`), Buffer.concat(chunks))
        writeFileSync(
          path.join(dir, `${base}.json`),
          JSON.stringify({
            to: envelope.to,
            from: envelope.from,
            subject: mail.data.subject,
            text: mail.data.text,
            html: mail.data.html,
            messageId,
            headers: headersOf(mail.data.headers),
          }),
        )
        console.log(`[mail] to ${envelope.to.join(', ')}: ${mail.data.subject} (${dir})`)
        callback(null, { envelope, messageId })
      } catch (error) {
        callback(error as Error, undefined as never)
      }
    })
  },
})

/**
 * Payload's email adapter (nodemailer): SMTP when SMTP_HOST is set; otherwise the outbox folder
 * MAIL_OUTBOX_DIR (default `.data/mail`), so development and tests read what would have been
 * sent.
 */
export const emailAdapter = (rootDir: string) => {
  if (process.env.SMTP_HOST) {
    return nodemailerAdapter({
      ...FROM,
      transportOptions: {
        host: process.env.SMTP_HOST,
        port: Number(process.env.SMTP_PORT) || 587,
        secure: process.env.SMTP_SECURE === 'true',
        auth: process.env.SMTP_USER
          ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD }
          : undefined,
      },
    })
  }
  const dir = path.resolve(rootDir, process.env.MAIL_OUTBOX_DIR || '.data/mail')
  return nodemailerAdapter({
    ...FROM,
    skipVerify: true,
    transport: nodemailer.createTransport(outboxTransport(dir)),
  })
}
