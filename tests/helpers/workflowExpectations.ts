import type { Stage } from '@/workflow'

/**
 * The editorial workflow's rules, written out by hand rather than read from the table under
 * test: what each person may fire from each stage. The rules test and the integration matrix
 * both hold the code to this.
 */
export const ALL_TRANSITIONS = [
  'submit',
  'approve',
  'request_changes',
  'publish',
  'schedule',
  'reschedule',
  'unschedule',
  'unpublish',
  'archive',
  'reopen',
  'start_update',
  'publish_scheduled',
  'expire',
]

/** The transitions a person can fire (the last two belong to the scheduler alone). */
export const PERSON_TRANSITIONS = ALL_TRANSITIONS.filter(
  (name) => name !== 'publish_scheduled' && name !== 'expire',
)

export const EXPECTED: Record<'editor' | 'ownAuthor', Record<Stage, string[]>> = {
  editor: {
    draft: ['submit', 'publish', 'schedule', 'archive'],
    in_review: ['approve', 'request_changes', 'publish', 'schedule'],
    changes_requested: ['submit', 'archive'],
    approved: ['request_changes', 'publish', 'schedule'],
    scheduled: ['reschedule', 'unschedule'],
    published: ['unpublish', 'archive'],
    archived: ['reopen'],
  },
  ownAuthor: {
    draft: ['submit'],
    in_review: [],
    changes_requested: ['submit'],
    approved: [],
    scheduled: [],
    // An update of their published text: a draft over it, reviewed as any other.
    published: ['start_update'],
    archived: [],
  },
}

/** Where each transition leads, by hand. */
export const TARGET: Record<string, Stage> = {
  submit: 'in_review',
  approve: 'approved',
  request_changes: 'changes_requested',
  publish: 'published',
  schedule: 'scheduled',
  reschedule: 'scheduled',
  unschedule: 'approved',
  unpublish: 'draft',
  archive: 'archived',
  reopen: 'draft',
  start_update: 'draft',
}
