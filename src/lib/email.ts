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
 * full MIME message nodemailer built) and `.json` (to, subject, text, html), plus a line on the
 * console. For development and tests, where there is no mail server.
 */
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
