import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'

import {
  allowedTransitions,
  canEdit,
  checkTransition,
  checklistItems,
  checklistProblems,
  STAGES,
  TRANSITION_NAMES,
  type Actor,
  type ArticleFacts,
  type Stage,
} from '@/workflow'

import { ALL_TRANSITIONS, EXPECTED } from '../helpers/workflowExpectations'

const admin: Actor = { id: 1, roles: ['admin'] }
const editor: Actor = { id: 2, roles: ['editor'] }
const author: Actor = { id: 3, roles: ['author'] }
const translator: Actor = { id: 4, roles: ['translator'], languages: ['az'] }

const ready = {
  dek: 'A dek.',
  category: 5,
  authors: [7],
  heroImage: { alt: 'A train at Alat port' },
}
const original = (stage: Stage, createdBy = author.id) =>
  ({ stage, language: 'en', createdBy, ...ready }) as ArticleFacts & typeof ready
const azVersion = (stage: Stage) =>
  ({ stage, language: 'az', translationOf: 10, createdBy: editor.id, ...ready }) as ArticleFacts &
    typeof ready

describe('workflow rules', () => {
  it('gives editors and admins exactly the transitions of the table from every stage', () => {
    for (const stage of STAGES) {
      expect(allowedTransitions(editor, original(stage)), stage).toEqual(EXPECTED.editor[stage])
      expect(allowedTransitions(admin, original(stage)), stage).toEqual(EXPECTED.editor[stage])
    }
  })

  it('lets an author only submit their own article, and nothing on a colleague’s', () => {
    for (const stage of STAGES) {
      expect(allowedTransitions(author, original(stage)), stage).toEqual(EXPECTED.ownAuthor[stage])
      expect(allowedTransitions(author, original(stage, 99)), stage).toEqual([])
    }
  })

  it('lets a translator submit versions in their languages, and nothing on originals or other languages', () => {
    for (const stage of STAGES) {
      expect(allowedTransitions(translator, azVersion(stage)), stage).toEqual(
        EXPECTED.ownAuthor[stage],
      )
      expect(
        allowedTransitions(translator, { ...azVersion(stage), language: 'ru' }),
        stage,
      ).toEqual([])
      expect(allowedTransitions(translator, original(stage, 99)), stage).toEqual([])
    }
  })

  it('never lets an author or translator publish, schedule, approve, unpublish or archive', () => {
    const editorOnly = ALL_TRANSITIONS.filter(
      (name) => name !== 'submit' && name !== 'start_update',
    )
    for (const user of [author, translator]) {
      for (const stage of STAGES) {
        for (const article of [original(stage, user.id), azVersion(stage)]) {
          for (const name of editorOnly) {
            const check = checkTransition(user, article, name, { note: 'n', date: '2999-01-01' })
            expect(check.ok, `${user.roles} ${name} from ${stage}`).toBe(false)
          }
        }
      }
    }
  })

  it('lets authors and translators edit text only while it is a draft or sent back', () => {
    for (const stage of STAGES) {
      const writable = stage === 'draft' || stage === 'changes_requested'
      expect(canEdit(author, original(stage)), stage).toBe(writable)
      expect(canEdit(translator, azVersion(stage)), stage).toBe(writable)
      expect(canEdit(author, original(stage, 99)), stage).toBe(false)
      expect(canEdit(editor, original(stage, 99)), stage).toBe(true)
    }
  })

  it('explains a refused transition with what is allowed from here', () => {
    expect(checkTransition(editor, original('published'), 'approve')).toMatchObject({
      ok: false,
      status: 409,
      key: 'workflow:notAllowed',
      message:
        'You cannot approve an article that is published. Allowed from here: unpublish or archive.',
    })
    expect(checkTransition(author, original('draft'), 'publish')).toMatchObject({
      ok: false,
      status: 403,
      message: 'You cannot publish an article that is draft. Allowed from here: submit for review.',
    })
    expect(checkTransition(author, original('in_review', 99), 'submit')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Allowed from here: none for you.'),
    })
    expect(checkTransition(editor, original('draft'), 'teleport')).toMatchObject({
      ok: false,
      status: 400,
    })
  })

  it('requires a note to request changes and a future date to schedule', () => {
    expect(checkTransition(editor, original('in_review'), 'request_changes')).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(
      checkTransition(editor, original('in_review'), 'request_changes', {
        note: 'Source the figure.',
      }),
    ).toEqual({
      ok: true,
      to: 'changes_requested',
    })
    const now = new Date('2026-11-23T12:00:00Z')
    expect(
      checkTransition(editor, original('approved'), 'schedule', {
        date: '2026-11-23T11:00:00Z',
        now,
      }),
    ).toMatchObject({ ok: false, status: 400 })
    expect(
      checkTransition(editor, original('approved'), 'schedule', { date: 'not a date', now }),
    ).toMatchObject({ ok: false })
    expect(
      checkTransition(editor, original('approved'), 'schedule', {
        date: '2026-11-24T06:00:00Z',
        now,
      }),
    ).toEqual({ ok: true, to: 'scheduled' })
  })

  it('blocks publish and schedule until the checklist passes, listing what is missing', () => {
    const bare = {
      stage: 'approved' as const,
      language: 'en',
      heroImage: { alt: ' ' },
      authors: [],
    }
    expect(checklistProblems(bare)).toEqual(['heroAlt', 'section', 'dek', 'author'])
    expect(checklistItems('en', checklistProblems(bare))).toEqual([
      'alt text on the hero image',
      'a section',
      'a dek',
      'at least one author',
    ])
    expect(checklistProblems({})).toContain('heroImage')
    expect(checkTransition(editor, bare, 'publish')).toMatchObject({
      ok: false,
      status: 400,
      key: 'workflow:checklist',
      message:
        'Cannot publish yet: add alt text on the hero image, a section, a dek, and at least one author.',
    })
    expect(checkTransition(editor, original('approved'), 'publish')).toEqual({
      ok: true,
      to: 'published',
    })
  })

  it('names every transition in the table exactly once', () => {
    expect(new Set(TRANSITION_NAMES).size).toBe(TRANSITION_NAMES.length)
    expect(TRANSITION_NAMES).toEqual(ALL_TRANSITIONS)
  })
})

describe('the order of the articles’ hooks (src/plugins.ts)', () => {
  it('runs the collection’s, the workflow’s and the translations’ hooks in the one stated order, inside the edge checks', async () => {
    const { ARTICLE_HOOKS } = await import('@/plugins')
    const config = await (await import('@payload-config')).default
    const hooks = config.collections.find(({ slug }) => slug === 'articles')?.hooks
    expect(hooks?.beforeChange).toEqual(ARTICLE_HOOKS.beforeChange)
    expect(hooks?.afterChange).toEqual(ARTICLE_HOOKS.afterChange)
    expect(hooks?.beforeOperation?.map((hook) => hook.name)).toEqual([
      'rejectMalformedIds',
      'rejectMalformedQueries',
      'guardQueries',
      ...(ARTICLE_HOOKS.beforeOperation ?? []).map((hook) => hook.name),
      'holdDocumentLocks',
    ])
  })

  it('stops the start-up when a hook is added without a place in the table', async () => {
    const { ARTICLE_HOOKS, articleHookOrder } = await import('@/plugins')
    // Only the collections matter to the step; the rest of a config is not looked at.
    const withStray = {
      collections: [
        { slug: 'articles', fields: [], hooks: { ...ARTICLE_HOOKS, afterRead: [() => null] } },
      ],
    } as Pick<Config, 'collections'> as Config
    expect(() => articleHookOrder(withStray)).toThrow(/afterRead hooks differ from the table/)
  })
})
