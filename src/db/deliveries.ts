/**
 * The per-recipient email ledgers: the app's emails that go "exactly once per recipient,
 * resumable after a crash" (a timeline event's notifications, src/workflow/notify.ts; the
 * comments awaiting moderation, src/collections/Comments/jobs.ts; the newsletter digest,
 * src/collections/Subscribers/digest.ts) share one design, written here once.
 *
 * A ledger is a table with one row per (group, recipient): the group is what the emails are about
 * (an event, a batch of comments, a digest), the row holds the recipient's `email`, `claimed_at`,
 * `claimed_by` and `sent_at`. The recipients are recorded once (a later run adds only people the
 * first did not have); each email is claimed just before it goes to SMTP and marked sent just
 * after; a failed send gives its claim back. Each statement commits on its own (the pool, never a
 * transaction): a row claimed or marked sent stays so whatever happens to the run after it. So a
 * job run twice, by two runners at once, or again after its runner died sends each email once.
 *
 * The ledgers are the const table `LEDGERS`: their table and columns are typed from the manifest
 * (`MIGRATION_SCHEMA`, src/db/schema.ts), and the SQL names them with `sql.identifier`.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { drizzleOf } from './client'
import type { LEDGER_TABLES, MIGRATION_SCHEMA } from './schema'

type SQL = ReturnType<typeof sql>

type LedgerTable = (typeof LEDGER_TABLES)[number]
type ColumnOf<T extends LedgerTable> = (typeof MIGRATION_SCHEMA)[T][number]

/**
 * One ledger: its table, the column of the group and the one of the recipient. In `claimableWhen`
 * (SQL added to the claim and to `unsent`), the ledger's row is `ledger`.
 */
export type Ledger<T extends LedgerTable = LedgerTable> = {
  readonly table: T
  readonly group: ColumnOf<T>
  readonly recipient: ColumnOf<T>
  /** the column marking a row done without an email (nothing to send), when the table has one */
  readonly skipped?: ColumnOf<T>
  /** what else must hold for a recipient's email to be claimed (and listed unsent) */
  readonly claimableWhen?: SQL
}

const ledger = <T extends LedgerTable>(definition: Ledger<T>): Ledger<T> => definition

export const LEDGERS = {
  /** a timeline event's notifications (migration `editorial_notifications`) */
  notifications: ledger({
    table: 'editorial_notifications',
    group: 'event_id',
    recipient: 'user_id',
  }),
  /** a batch of comments' notices to the editors (migration `comment_notifications`) */
  commentNotices: ledger({
    table: 'comment_notify_recipients',
    group: 'batch_id',
    recipient: 'user_id',
  }),
  /** a digest's deliveries (migration `newsletter`): only while the reader is still subscribed */
  newsletter: ledger({
    table: 'newsletter_deliveries',
    group: 'digest_id',
    recipient: 'subscriber_id',
    skipped: 'skipped',
    claimableWhen: sql`EXISTS (SELECT 1 FROM subscribers s
                                WHERE s.id = ledger.subscriber_id AND s.status = 'subscribed')`,
  }),
} as const

export type Recipient = { id: number; email: string }

/** The table (as `ledger`) and the two key columns, as SQL identifiers. */
const namesOf = ({ table, group, recipient }: Ledger) => ({
  table: sql.identifier(table),
  group: sql.identifier(group),
  recipient: sql.identifier(recipient),
})

const claimable = (ledger: Ledger) => ledger.claimableWhen ?? sql`true`

/**
 * The group's recipients not yet sent to (and claimable, see `claimableWhen`), by recipient id;
 * `afterId` and `limit` page through a long list.
 */
export const unsent = async (
  payload: Payload,
  ledger: Ledger,
  groupId: number,
  { afterId = 0, limit }: { afterId?: number; limit?: number } = {},
): Promise<Recipient[]> => {
  const { table, group, recipient } = namesOf(ledger)
  const { rows } = await drizzleOf(payload).execute<{ id: number; email: string }>(sql`
    SELECT ledger.${recipient} AS id, ledger.email FROM ${table} AS ledger
     WHERE ledger.${group} = ${groupId} AND ledger.sent_at IS NULL AND ${claimable(ledger)}
       AND ledger.${recipient} > ${afterId}
     ORDER BY ledger.${recipient}
     ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`)
  return rows.map((row) => ({ id: Number(row.id), email: row.email }))
}

/**
 * Records who the group's emails go to, once: the first run's list stands, a later run adds only
 * people it did not have. `recipients` is a list, or a query giving `id` and `email` columns.
 */
export const recordRecipients = async (
  payload: Payload,
  ledger: Ledger,
  groupId: number,
  recipients: Recipient[] | { select: SQL },
): Promise<void> => {
  if (Array.isArray(recipients) && !recipients.length) return
  const { table, group, recipient } = namesOf(ledger)
  const source = Array.isArray(recipients)
    ? sql`SELECT r.id, r.email
            FROM jsonb_to_recordset(${JSON.stringify(recipients)}::jsonb) AS r(id integer, email text)`
    : recipients.select
  await drizzleOf(payload).execute(sql`
    INSERT INTO ${table} (${group}, ${recipient}, email)
    SELECT ${groupId}::integer, r.id, r.email FROM (${source}) AS r
    ON CONFLICT (${group}, ${recipient}) DO NOTHING`)
}

/** Who sends: a job's run. */
export type SendRun = {
  /** the job's id; a run of the same job again may take over its own claims */
  claimant: string
  /** after this long another job's claim on a recipient is taken for lost */
  leaseSeconds: number
}

/**
 * Claims one recipient's email for `claimant` just before it is handed to SMTP. Free to claim:
 * never claimed, claimed by the same job before (a run of it that died), or claimed longer ago
 * than `leaseSeconds` by another; and the ledger's `claimableWhen`. Returns whether this run may
 * send it.
 */
export const claim = async (
  payload: Payload,
  ledger: Ledger,
  groupId: number,
  recipientId: number,
  { claimant, leaseSeconds }: SendRun,
): Promise<boolean> => {
  const { table, group, recipient } = namesOf(ledger)
  const { rows } = await drizzleOf(payload).execute(sql`
    UPDATE ${table} AS ledger SET claimed_at = now(), claimed_by = ${claimant}
     WHERE ledger.${group} = ${groupId} AND ledger.${recipient} = ${recipientId}
       AND ledger.sent_at IS NULL
       AND (ledger.claimed_at IS NULL OR ledger.claimed_by = ${claimant}
            OR ledger.claimed_at < now() - make_interval(secs => ${leaseSeconds}))
       AND ${claimable(ledger)}
    RETURNING ledger.${recipient}`)
  return rows.length === 1
}

/**
 * The recipient's email went out; or, with `skipped`, there was nothing to send them (recorded in
 * the ledger's `skipped` column when it has one).
 */
export const markSent = async (
  payload: Payload,
  ledger: Ledger,
  groupId: number,
  recipientId: number,
  { skipped = false }: { skipped?: boolean } = {},
) => {
  const { table, group, recipient } = namesOf(ledger)
  const skippedColumn = ledger.skipped
    ? sql`, ${sql.identifier(ledger.skipped)} = ${skipped}`
    : sql``
  await drizzleOf(payload).execute(sql`
    UPDATE ${table} SET sent_at = now()${skippedColumn}
     WHERE ${group} = ${groupId} AND ${recipient} = ${recipientId}`)
}

/** Gives a claim back after a failed send, so that the job's retry sends it. */
export const release = async (
  payload: Payload,
  ledger: Ledger,
  groupId: number,
  recipientId: number,
) => {
  const { table, group, recipient } = namesOf(ledger)
  await drizzleOf(payload).execute(sql`
    UPDATE ${table} SET claimed_at = NULL, claimed_by = NULL
     WHERE ${group} = ${groupId} AND ${recipient} = ${recipientId} AND sent_at IS NULL`)
}

/** One recipient's email, as `sendOnce` hands it to SMTP. */
export type LedgerEmail = {
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
}

export type SendOnceOptions<R extends Recipient> = {
  /** the recipient's email, or 'skip' (nothing to tell them: marked done, nothing sent) */
  compose: (recipient: R) => LedgerEmail | 'skip' | Promise<LedgerEmail | 'skip'>
  /**
   * The Message-ID's two names: `{ group: 'event', recipient: 'user' }` gives
   * `<event-<group id>.user-<recipient id>@<the server's host>>`, one per group and recipient, so
   * an email sent twice (SMTP took it, the run died before marking it) shows as one message.
   */
  messageId: { group: string; recipient: string }
}

/**
 * Sends each of `recipients` its email of the group once, in their order: claims it (a recipient
 * another run holds is passed over), composes it, hands it to `payload.sendEmail`, marks it sent.
 * A failed send gives its claim back and is thrown (the job's retry sends the rest). Returns how
 * many emails this call sent, and how many recipients it marked done without one.
 */
export const sendOnce = async <R extends Recipient>(
  payload: Payload,
  ledger: Ledger,
  groupId: number,
  recipients: readonly R[],
  run: SendRun,
  { compose, messageId }: SendOnceOptions<R>,
): Promise<{ sent: number; skipped: number }> => {
  const domain = new URL(payload.config.serverURL || 'http://localhost').hostname
  let sent = 0
  let skipped = 0
  for (const recipient of recipients) {
    if (!(await claim(payload, ledger, groupId, recipient.id, run))) continue
    const email = await compose(recipient)
    if (email === 'skip') {
      await markSent(payload, ledger, groupId, recipient.id, { skipped: true })
      skipped += 1
      continue
    }
    try {
      await payload.sendEmail({
        to: recipient.email,
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(email.headers ? { headers: email.headers } : {}),
        messageId: `<${messageId.group}-${groupId}.${messageId.recipient}-${recipient.id}@${domain}>`,
      })
    } catch (error) {
      await release(payload, ledger, groupId, recipient.id)
      throw error
    }
    await markSent(payload, ledger, groupId, recipient.id)
    sent += 1
  }
  return { sent, skipped }
}
