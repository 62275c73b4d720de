/** What the load run's parts share: its options, its fixed sizes, what the editors did. */

/** What the load run's options set. */
export type LoadOptions = {
  articles: number
  seed: number
  /** how long readers and editors run */
  seconds: number
  /** concurrent reader connections, split 60/20/20 over articles, home pages and search */
  connections: number
  /** editors each saving and publishing their own articles */
  editors: number
  /** editors saving the same article at the same moment */
  sharedEditors: number
  /** fail when the server's peak RSS (next start and its children) passes this many MB */
  rssLimitMb: number
  /** also run the article readers through nginx after the run */
  proxy: boolean
}

/** own articles per editor, and articles the shared editors take turns on */
export const OWN_ARTICLES = 4
export const SHARED_ARTICLES = 2
/** Payload keeps this many versions per article (src/collections/Articles: maxPerDoc) */
export const MAX_VERSIONS = 100
/** An editor's request unanswered after this long counts as hung. */
export const EDITOR_BOUND_MS = 30_000
/** What a save or a transition may answer besides success when the database is at a limit. */
export const CLEAN_REFUSALS = [409, 423, 503]

export type Save = {
  editor: string
  article: number
  via: 'rest' | 'graphql'
  marker: string
  sentAt: number
  ackAt: number
  status: number
}
export type Transition = {
  editor: string
  article: number
  transition: 'publish' | 'unpublish'
  sentAt: number
  ackAt: number
  status: number
}
/** One anonymous read of the live articles: id → dek (absent: not published). */
export type Observation = { sentAt: number; receivedAt: number; live: Map<number, string> }

/** Everything the editors and the observer did during the run. */
export type EditorLog = {
  saves: Save[]
  transitions: Transition[]
  observations: Observation[]
  statuses: Record<string, number>
  errors: number
  timeouts: number
}

export type Editor = { name: string; token: string }

/** The editors and their articles, all published before the run. */
export type Desk = {
  /** the admin's token */
  admin: string
  editors: Editor[]
  /** editor name → their own articles */
  own: Map<string, number[]>
  sharedEditors: Editor[]
  shared: number[]
  /** article → the dek it was published with */
  initialDek: Map<number, string>
  /** every article of the editors */
  touched: number[]
  /** the articles published now (the editors toggle them) */
  published: Set<number>
}
