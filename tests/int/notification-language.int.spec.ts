import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { emailsEn } from '@/i18n/admin/emails/en'
import type { Language } from '@/lib/languages'
import type { User } from '@/payload-types'
import { notificationEmail } from '@/workflow/notify'
import { STAGE_LABELS } from '@/workflow/table'

import { createNewsroomBasics, createUser, readOutbox } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, runQueue } from '../helpers/workflow'

type SentMail = { to: string[]; subject: string; text: string; html?: string }

let ctx: TestPayload
let azEditor: User, enEditor: User, ruWriter: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']

/** The English words of the email dictionary (and the stages'), without their placeholders. */
const englishFragments = () => {
  const leaves: string[] = []
  const walk = (node: unknown) => {
    if (typeof node === 'string') leaves.push(node)
    else if (node && typeof node === 'object') Object.values(node).forEach(walk)
  }
  walk(emailsEn)
  walk(STAGE_LABELS)
  return leaves
    .flatMap((leaf) => leaf.split(/\{\{\s*\w+\s*\}\}/))
    .map((part) => part.replace(/^[\s“”"[\]:,.—]+|[\s“”"[\]:,.—]+$/g, ''))
    .filter((part) => /[A-Za-z]{3,}/.test(part))
}

const englishIn = (mail: SentMail) =>
  englishFragments().filter((fragment) =>
    [mail.subject, mail.text, mail.html ?? ''].some((part) => part.includes(fragment)),
  )

const mailsTo = async (user: User, title: string): Promise<SentMail[]> =>
  ((await readOutbox(ctx.outboxDir)) as SentMail[]).filter(
    (mail) => mail.to.includes(user.email) && mail.subject.includes(title),
  )

const withLanguage = (user: User, language: Language) =>
  ctx.payload.update({ collection: 'users', id: user.id, data: { language } })

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  azEditor = await withLanguage(await createUser(ctx.payload, 'editor'), 'az')
  enEditor = await createUser(ctx.payload, 'editor')
  ruWriter = await withLanguage(await createUser(ctx.payload, 'author'), 'ru')
  ready = (await createNewsroomBasics(ctx.payload)).fields
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('notification emails in the recipient’s admin language', () => {
  it('stores English for a user who never chose an admin language', () => {
    expect(enEditor.language).toBe('en')
  })

  it('writes to an Azerbaijani editor in Azerbaijani and an English one in English', async () => {
    const title = 'Bakı metrosunda yeni stansiya açılır'
    const article = await articleIn(ctx.payload, 'draft', {
      ...ready,
      title,
      createdBy: ruWriter.id,
    })
    await fire(ctx.payload, ruWriter, article.id, 'submit')
    await runQueue(ctx.payload)

    const adminLink = `/admin/collections/articles/${article.id}`
    const [az] = await mailsTo(azEditor, title)
    expect(az.subject).toBe(`[Yoxlamada] ${title}`)
    expect(az.text).toContain(`«${title}» materialını yoxlamaya göndərdi`)
    expect(az.text).toContain('Material redaktorun yoxlamasını gözləyir.')
    expect(az.text).toContain(`Redaksiya panelində açın: `)
    expect(az.text).toContain(adminLink)
    expect(az.html).toContain(`<html lang="az">`)
    expect(az.html).toContain(title)
    expect(az.html).toContain(`${adminLink}">Redaksiya panelində açın</a>`)
    expect(englishIn(az)).toEqual([])

    const [en] = await mailsTo(enEditor, title)
    expect(en.subject).toBe(`[In review] ${title}`)
    expect(en.text).toContain(`submitted “${title}” for review.`)
    expect(en.text).toContain(adminLink)
  })

  it('writes to a Russian writer in Russian, the note and the site link included', async () => {
    const title = 'Каспийские тюлени возвращаются на остров'
    const article = await articleIn(ctx.payload, 'in_review', {
      ...ready,
      title,
      slug: `caspian-seals-${Date.now()}`,
      createdBy: ruWriter.id,
    })
    await fire(ctx.payload, azEditor, article.id, 'request_changes', {
      note: 'Уточните число особей.',
    })
    await fire(ctx.payload, ruWriter, article.id, 'submit')
    await fire(ctx.payload, azEditor, article.id, 'publish')
    await runQueue(ctx.payload)

    const mails = await mailsTo(ruWriter, title)
    const changes = mails.find((mail) => mail.subject.startsWith('[Нужны правки]'))!
    expect(changes.text).toContain(`${azEditor.name} просит доработать материал «${title}».`)
    expect(changes.text).toContain('Заметка: Уточните число особей.')
    expect(changes.text).toContain(`/admin/collections/articles/${article.id}`)
    expect(changes.html).toContain('Заметка: Уточните число особей.')
    expect(englishIn(changes)).toEqual([])

    const published = mails.find((mail) => mail.subject === `[Опубликовано] ${title}`)!
    expect(published.text).toContain(`опубликовал(а) материал «${title}»`)
    expect(published.text).toContain(`Читать на сайте: `)
    expect(published.text).toContain(`/en/articles/${article.slug}`)
    expect(published.html).toContain(`/admin/collections/articles/${article.id}`)
    expect(englishIn(published)).toEqual([])
  })

  it('escapes the title and note in the HTML, and names the scheduler in the language', () => {
    const email = notificationEmail('ru', {
      transition: 'publish_scheduled',
      stage: 'published',
      who: null,
      title: 'Tom & <Jerry>',
      articleLanguage: 'az',
      note: '<b>bold</b>',
      adminLink: 'http://localhost/admin/collections/articles/1',
      siteLink: 'http://localhost/az/articles/tom',
    })
    expect(email.html).toContain('Tom &#38; &#60;Jerry&#62;')
    expect(email.html).not.toContain('<b>bold</b>')
    expect(email.text).toContain('«Tom & <Jerry>» опубликован по расписанию.')
    expect(email.text).toContain('Язык: Азербайджанский')
    expect(englishIn({ to: [], ...email })).toEqual([])
  })
})
