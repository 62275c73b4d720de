/** Notification emails, in the recipient's admin language. Variables as {{name}}. English is the source; az and ru must match it key for key. */
export const emailsEn = {
  /** the subject: the stage the story is in now, then its title */
  subject: '[{{stage}}] {{title}}',
  /** who acted, when nobody did: the scheduled job */
  scheduler: 'The scheduler',
  /** the first line, one per kind of event; `other` for a transition without its own */
  happened: {
    submit: '{{who}} submitted “{{title}}” for review.',
    approve: '{{who}} approved “{{title}}”.',
    request_changes: '{{who}} asked for changes to “{{title}}”.',
    publish: '{{who}} published “{{title}}”.',
    publish_scheduled: '“{{title}}” was published on schedule.',
    other: '{{who}}: {{action}}, “{{title}}”.',
  },
  /** what the recipient is asked to do, by audience and stage */
  next: {
    review: 'It is waiting for an editor’s review.',
    changes: 'Please make the changes and submit it again.',
    approved: 'An editor can now publish or schedule it.',
    published: 'It is live on the site.',
  },
  stage: 'Stage: {{stage}}',
  language: 'Language: {{language}}',
  note: 'Note: {{note}}',
  openInAdmin: 'Open it in the newsroom: {{link}}',
  openInAdminButton: 'Open in the newsroom',
  readOnSite: 'Read it on the site: {{link}}',
  readOnSiteButton: 'Read on the site',
  footer:
    'You receive this email because you work on this story in the newsroom. The language of these emails is the admin language on your account page.',
}
