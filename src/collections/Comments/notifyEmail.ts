import { adminText, type AdminKey } from '@/i18n/admin'
import { fill } from '@/lib/dictionary'
import { emailFooterHtml, emailHtml, escapeHtml } from '@/lib/html'
import type { Language } from '@/lib/languages'
import { languageName } from '@/lib/messages'

/** One comment as the editors' email names it. */
export type NoticeItem = {
  name: string
  /** the article's title */
  title: string
  language: string
  excerpt: string
  /** the comment in the admin */
  link: string
}

export type NoticeFacts = {
  /** how many comments the batch names (the email lists the first `items`) */
  count: number
  items: NoticeItem[]
  /** the moderation queue in the admin */
  queueLink: string
}

export type NoticeEmail = { subject: string; text: string; html: string }

/** The most comments one email lists; the rest are counted and in the queue. */
export const MAX_LISTED = 20
/**
 * The batched email about comments awaiting moderation, in the editor's admin language: every
 * word from the admin dictionary's `comments:emails` (src/i18n/admin/comments/); readers' names,
 * titles and excerpts as given, escaped in the HTML. Text and HTML say the same.
 */
export const commentsNoticeEmail = (language: Language, facts: NoticeFacts): NoticeEmail => {
  const say = (key: AdminKey, values?: Record<string, string | number>) =>
    fill(adminText(language, key), values)
  const sayHtml = (key: AdminKey, values: Record<string, string | number> = {}) =>
    fill(
      escapeHtml(adminText(language, key)),
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(String(v))])),
    )
  const count = facts.count
  const more = count - facts.items.length
  const itemValues = (item: NoticeItem) => ({
    name: item.name,
    title: item.title,
    language: languageName(language, item.language),
  })
  const footer = say('comments:emails:footer')
  const text = [
    say('comments:emails:intro', { count }),
    '',
    ...facts.items.flatMap((item) => [
      say('comments:emails:comment', itemValues(item)),
      `“${item.excerpt}”`,
      say('comments:emails:open', { link: item.link }),
      '',
    ]),
    ...(more > 0 ? [say('comments:emails:more', { count: more }), ''] : []),
    say('comments:emails:queue', { link: facts.queueLink }),
    '',
    '—',
    footer,
  ].join('\n')
  const html = emailHtml(language, [
    `<p>${sayHtml('comments:emails:intro', { count })}</p>`,
    ...facts.items.map(
      (item) =>
        `<p><strong>${sayHtml('comments:emails:comment', itemValues(item))}</strong><br>` +
        `<q>${escapeHtml(item.excerpt)}</q><br>` +
        `<a href="${escapeHtml(item.link)}">${sayHtml('comments:emails:openButton')}</a></p>`,
    ),
    ...(more > 0 ? [`<p>${sayHtml('comments:emails:more', { count: more })}</p>`] : []),
    `<p><a href="${escapeHtml(facts.queueLink)}">${sayHtml('comments:emails:queueButton')}</a></p>`,
    emailFooterHtml(escapeHtml(footer)),
  ])
  return { subject: say('comments:emails:subject', { count }), text, html }
}
