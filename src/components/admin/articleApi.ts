/**
 * The admin's calls to the custom endpoints of `articles`, one function per endpoint, each typed
 * by the endpoint's own contract (`src/workflow/api.ts`, `src/translations/api.ts`). `apiRoute`
 * is the config's `routes.api` (`/api`).
 */
import type {
  AddTranslationRequest,
  AddTranslationResponse,
  MarkUpdatedResponse,
  OriginalChangesResponse,
  TranslationsResponse,
  UnpublishVersionsResponse,
} from '@/translations/api'
import type {
  NoteResponse,
  TransitionRequest,
  TransitionResponse,
  WorkflowStateResponse,
} from '@/workflow/api'

import { adminFetch } from './adminFetch'

type Id = number | string

export const articleURL = (apiRoute: string, id: Id, action: string) =>
  `${apiRoute}/articles/${encodeURIComponent(String(id))}/${action}`

export const workflowApi = {
  state: (apiRoute: string, id: Id, signal?: AbortSignal) =>
    adminFetch<WorkflowStateResponse>(articleURL(apiRoute, id, 'workflow'), { signal }),
  transition: (apiRoute: string, id: Id, input: TransitionRequest) =>
    adminFetch<TransitionResponse>(articleURL(apiRoute, id, 'transition'), {
      method: 'POST',
      body: input,
    }),
  addNote: (apiRoute: string, id: Id, note: string) =>
    adminFetch<NoteResponse>(articleURL(apiRoute, id, 'notes'), {
      method: 'POST',
      body: { note },
    }),
}

export const translationsApi = {
  list: (apiRoute: string, id: Id, signal?: AbortSignal) =>
    adminFetch<TranslationsResponse>(articleURL(apiRoute, id, 'translations'), { signal }),
  add: (apiRoute: string, id: Id, input: AddTranslationRequest) =>
    adminFetch<AddTranslationResponse>(articleURL(apiRoute, id, 'translations'), {
      method: 'POST',
      body: input,
    }),
  originalChanges: (apiRoute: string, id: Id, signal?: AbortSignal) =>
    adminFetch<OriginalChangesResponse>(articleURL(apiRoute, id, 'original-changes'), { signal }),
  markUpdated: (apiRoute: string, id: Id) =>
    adminFetch<MarkUpdatedResponse>(articleURL(apiRoute, id, 'mark-updated'), { method: 'POST' }),
  unpublishVersions: (apiRoute: string, id: Id) =>
    adminFetch<UnpublishVersionsResponse>(articleURL(apiRoute, id, 'unpublish-versions'), {
      method: 'POST',
    }),
}
