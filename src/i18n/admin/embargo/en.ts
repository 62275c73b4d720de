/**
 * The embargo in the admin: the field, the Workflow panel's and the desk's mark, the timeline's
 * kind. English is the source; az and ru must match it key for key.
 */
export const embargoEn = {
  field: 'Embargo: not before',
  description:
    'Nobody, editors included, can publish this story before this time; scheduling for it or later works. It binds every language version. Writers may set it or move it later; only editors bring it forward or lift it.',
  /** the mark on desk cards and in the Workflow panel; the time follows */
  until: 'Embargo until',
  /** why Publish is not offered */
  publishHeld: 'Publishing opens at the embargo time; you can schedule it for then or later.',
  kind: 'Embargo',
}
