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

/** One run of the editors: their client, the desk, the clock, and the log they fill. */
type EditorRun = {
  api: Api['api']
  desk: Desk
  log: EditorLog
  t0: number
  deadline: number
  /** the number of the last save (each save's text is unique) */
  marker: number
}

const now = (run: EditorRun) => Date.now() - run.t0

const failed = (run: EditorRun, error: unknown) => {
  if ((error as Error).name === 'TimeoutError') run.log.timeouts++
  else run.log.errors++
}

const count = (run: EditorRun, status: number) => {
  run.log.statuses[status] = (run.log.statuses[status] ?? 0) + 1
}

/** A draft save of dek and body over REST or GraphQL; answers the status. */
const sendSave = async ({ api }: EditorRun, editor: Editor, save: Save) =>
  save.via === 'rest'
    ? (
        await api(`/api/articles/${save.article}?draft=true&depth=0`, {
          method: 'PATCH',
          token: editor.token,
          body: { dek: save.marker, body: lexical(save.marker) },
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
            variables: { id: save.article, dek: save.marker, body: lexical(save.marker) },
          },
          timeoutMs: EDITOR_BOUND_MS,
        }),
      )

/** A draft save of dek and body: every other one over GraphQL, the rest over REST. */
const save = async (run: EditorRun, editor: Editor, article: number) => {
  const n = ++run.marker
  const entry: Save = {
    editor: editor.name,
    article,
    via: n % 2 ? 'graphql' : 'rest',
    marker: `Load save ${editor.name}-${n} at ${now(run)} ms`,
    sentAt: now(run),
    ackAt: -1,
    status: 0,
  }
  run.log.saves.push(entry)
  try {
    entry.status = await sendSave(run, editor, entry)
    count(run, entry.status)
  } catch (error) {
    failed(run, error)
  }
  entry.ackAt = now(run)
}

/** A publish of an unpublished article, an unpublish of a published one. */
const toggle = async (run: EditorRun, editor: Editor, article: number) => {
  const { published } = run.desk
  const transition = published.has(article) ? 'unpublish' : 'publish'
  const entry: Transition = {
    editor: editor.name,
    article,
    transition,
    sentAt: now(run),
    ackAt: -1,
    status: 0,
  }
  run.log.transitions.push(entry)
  try {
    const { status } = await run.api(`/api/articles/${article}/transition`, {
      method: 'POST',
      token: editor.token,
      body: { transition },
      timeoutMs: EDITOR_BOUND_MS,
    })
    entry.status = status
    count(run, status)
    if (status === 200) {
      if (transition === 'publish') published.add(article)
      else published.delete(article)
    }
  } catch (error) {
    failed(run, error)
  }
  entry.ackAt = now(run)
}

const think = () => sleep(200 + Math.random() * 200)

/** An editor on their own articles: saves, and every sixth action a publish or unpublish. */
const ownEditor = async (run: EditorRun, editor: Editor) => {
  const ids = run.desk.own.get(editor.name)!
  for (let n = 0; Date.now() < run.deadline; n++) {
    const article = ids[n % ids.length]
    if (n % 6 === 5) await toggle(run, editor, article)
    else await save(run, editor, article)
    await think()
  }
}

/**
 * The shared editors save the same article at the same moment, every two seconds, taking the
 * shared articles in turn; every fourth round the first of them also publishes or unpublishes
 * it in the middle of the saves.
 */
const sharedRounds = async (run: EditorRun) => {
  const { shared, sharedEditors } = run.desk
  for (let round = 0; Date.now() < run.deadline; round++) {
    const article = shared[round % shared.length]
    const started = Date.now()
    await Promise.all([
      ...sharedEditors.map((editor) => save(run, editor, article)),
      ...(round % 4 === 3 && sharedEditors[0] ? [toggle(run, sharedEditors[0], article)] : []),
    ])
    await sleep(Math.max(0, 2000 - (Date.now() - started)))
  }
}

/** An anonymous reader of the live text of every touched article, twice a second. */
const observe = async (run: EditorRun) => {
  const { touched } = run.desk
  const query = `/api/articles?depth=0&limit=${touched.length}&select[dek]=true&where[id][in]=${touched.join(',')}`
  while (Date.now() < run.deadline) {
    const sentAt = now(run)
    try {
      const { status, json } = await run.api(query)
      if (status === 200) {
        run.log.observations.push({
          sentAt,
          receivedAt: now(run),
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

/** Starts the editors and the observer until the deadline; `done` settles when they stop. */
export const runEditors = (
  { api }: Api,
  desk: Desk,
  { t0, deadline }: { t0: number; deadline: number },
) => {
  const run: EditorRun = {
    api,
    desk,
    t0,
    deadline,
    marker: 0,
    log: { saves: [], transitions: [], observations: [], statuses: {}, errors: 0, timeouts: 0 },
  }
  const done = Promise.all([
    ...desk.editors
      .filter((editor) => desk.own.has(editor.name))
      .map((editor) => ownEditor(run, editor)),
    sharedRounds(run),
    observe(run),
  ])
  return { log: run.log, done }
}
