/**
 * During the run: editors saving drafts and publishing/unpublishing (their own articles, and the
 * shared ones at the same moment), and an anonymous observer of the live text. Everything they
 * send and receive is written to an `EditorLog` for the checks.
 */
import { sleep } from '../lib'

import type { Answer, Api } from './api'
import {
  EDITOR_BOUND_MS,
  type Desk,
  type Editor,
  type EditorLog,
  type Save,
  type Transition,
} from './context'
import { lexical } from './desk'

/** A GraphQL answer as a status: 200 with data, or the refusal's status (500 when unknown). */
const graphqlStatus = ({ status, json }: Answer) => {
  const errors = json.errors as { extensions?: { statusCode?: number } }[] | undefined
  if (status !== 200 || !errors?.length) return status
  return errors[0].extensions?.statusCode ?? 500
}

export const runEditors = (
  { api }: Api,
  desk: Desk,
  { t0, deadline }: { t0: number; deadline: number },
) => {
  const log: EditorLog = {
    saves: [],
    transitions: [],
    observations: [],
    statuses: {},
    errors: 0,
    timeouts: 0,
  }
  let marker = 0
  const now = () => Date.now() - t0
  const failed = (error: unknown) => {
    if ((error as Error).name === 'TimeoutError') log.timeouts++
    else log.errors++
  }
  const count = (status: number) => {
    log.statuses[status] = (log.statuses[status] ?? 0) + 1
  }

  /** A draft save of dek and body: every other one over GraphQL, the rest over REST. */
  const save = async (editor: Editor, article: number) => {
    const n = ++marker
    const text = `Load save ${editor.name}-${n} at ${now()} ms`
    const via = n % 2 ? 'graphql' : 'rest'
    const entry: Save = {
      editor: editor.name,
      article,
      via,
      marker: text,
      sentAt: now(),
      ackAt: -1,
      status: 0,
    }
    log.saves.push(entry)
    try {
      const status =
        via === 'rest'
          ? (
              await api(`/api/articles/${article}?draft=true&depth=0`, {
                method: 'PATCH',
                token: editor.token,
                body: { dek: text, body: lexical(text) },
                timeoutMs: EDITOR_BOUND_MS,
              })
            ).status
          : graphqlStatus(
              await api('/api/graphql', {
                method: 'POST',
                token: editor.token,
                body: {
                  query:
                    'mutation($id: Int!, $dek: String, $body: JSON) { updateArticle(id: $id, draft: true, data: { dek: $dek, body: $body }) { id } }',
                  variables: { id: article, dek: text, body: lexical(text) },
                },
                timeoutMs: EDITOR_BOUND_MS,
              }),
            )
      entry.status = status
      count(status)
    } catch (error) {
      failed(error)
    }
    entry.ackAt = now()
  }

  const toggle = async (editor: Editor, article: number) => {
    const transition = desk.published.has(article) ? 'unpublish' : 'publish'
    const entry: Transition = {
      editor: editor.name,
      article,
      transition,
      sentAt: now(),
      ackAt: -1,
      status: 0,
    }
    log.transitions.push(entry)
    try {
      const { status } = await api(`/api/articles/${article}/transition`, {
        method: 'POST',
        token: editor.token,
        body: { transition },
        timeoutMs: EDITOR_BOUND_MS,
      })
      entry.status = status
      count(status)
      if (status === 200) {
        if (transition === 'publish') desk.published.add(article)
        else desk.published.delete(article)
      }
    } catch (error) {
      failed(error)
    }
    entry.ackAt = now()
  }
  const think = () => sleep(200 + Math.random() * 200)

  /** An editor on their own articles: saves, and every sixth action a publish or unpublish. */
  const ownEditor = async (editor: Editor) => {
    const ids = desk.own.get(editor.name)!
    for (let n = 0; Date.now() < deadline; n++) {
      const article = ids[n % ids.length]
      if (n % 6 === 5) await toggle(editor, article)
      else await save(editor, article)
      await think()
    }
  }
  /**
   * The shared editors save the same article at the same moment, every two seconds, taking the
   * shared articles in turn; every fourth round the first of them also publishes or unpublishes
   * it in the middle of the saves.
   */
  const sharedRounds = async () => {
    const { shared, sharedEditors } = desk
    for (let round = 0; Date.now() < deadline; round++) {
      const article = shared[round % shared.length]
      const started = Date.now()
      await Promise.all([
        ...sharedEditors.map((editor) => save(editor, article)),
        ...(round % 4 === 3 && sharedEditors[0] ? [toggle(sharedEditors[0], article)] : []),
      ])
      await sleep(Math.max(0, 2000 - (Date.now() - started)))
    }
  }
  /** An anonymous reader of the live text of every touched article, twice a second. */
  const observe = async () => {
    const { touched } = desk
    const query = `/api/articles?depth=0&limit=${touched.length}&select[dek]=true&where[id][in]=${touched.join(',')}`
    while (Date.now() < deadline) {
      const sentAt = now()
      try {
        const { status, json } = await api(query)
        if (status === 200) {
          log.observations.push({
            sentAt,
            receivedAt: now(),
            live: new Map(
              (json.docs as { id: number; dek: string }[]).map((doc) => [doc.id, doc.dek]),
            ),
          })
        }
      } catch {
        // a failed read says nothing; the readers' figures count errors
      }
      await sleep(500)
    }
  }

  const done = Promise.all([
    ...desk.editors.filter((editor) => desk.own.has(editor.name)).map(ownEditor),
    sharedRounds(),
    observe(),
  ])
  return { log, done }
}
