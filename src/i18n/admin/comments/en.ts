/**
 * Readers' comments in the admin: the collection's labels, the moderation queue and the
 * commenting modes of sections and articles. English is the source; az and ru must match it key
 * for key.
 */
export const commentsEn = {
  singular: 'Comment',
  plural: 'Comments',
  article: 'Article',
  parent: 'In reply to',
  name: 'Name',
  email: 'Email address',
  emailDescription: 'Never shown on the site; only editors can read it.',
  body: 'Comment',
  status: 'Status',
  statuses: {
    unconfirmed: 'Awaiting email confirmation',
    pending: 'Pending',
    approved: 'Approved',
    rejected: 'Rejected',
    spam: 'Spam',
  },
  ipHash: 'Address fingerprint',
  ipHashDescription:
    'A salted hash of the sender’s IP address: for rate limits and spotting repeats, never the address itself.',
  moderatedBy: 'Moderated by',
  moderatedAt: 'Moderated at',
  byNewsroom: 'Written by the newsroom',
  notifiedAt: 'Editors notified at',
  /** the commenting mode of a section or an article */
  mode: 'Comments',
  modeDescriptionSection: 'Whether readers may comment on this section’s articles.',
  modeDescriptionArticle:
    'Whether readers may comment on this article. “As its section” follows the section’s setting.',
  modes: {
    inherit: 'As its section',
    moderated: 'Open, pre-moderated',
    closed: 'Closed (existing comments shown)',
    hidden: 'Hidden',
  },
  /** the moderation queue (the list's bar) and the edit view's moderation panel */
  queue: {
    all: 'All',
    filterStatus: 'Status',
    filterLanguage: 'Language',
    allLanguages: 'All languages',
    hint: 'Tick comments in the list to approve, reject or mark them as spam in one go.',
    selected: 'Selected: {{count}}',
    approve: 'Approve',
    reject: 'Reject',
    spam: 'Mark as spam',
    toPending: 'Back to pending',
    working: 'Saving…',
    failed: 'Nothing was changed: the server could not be reached. Try again.',
    oldestFirst: 'Oldest waiting first.',
  },
  panel: {
    title: 'Moderation',
    current: 'Now: {{status}}',
    byNewsroom: 'This reply was written by the newsroom.',
    replyTitle: 'Reply as the newsroom',
    replyHint:
      'Published at once below this comment, signed with the site’s name. A pending comment is approved with it.',
    replyPlaceholder: 'Your reply to the reader…',
    replyButton: 'Publish the reply',
    charactersLeft: 'Characters left: {{count}}',
    unsaved: 'Save or discard your edits first: moderation reloads the comment.',
  },
  /** the batched email to editors about comments waiting for moderation */
  emails: {
    subject: 'Comments awaiting moderation: {{count}}',
    intro: 'New comments from readers are waiting for moderation ({{count}}):',
    comment: '{{name}} on “{{title}}” ({{language}}):',
    open: 'Open the comment: {{link}}',
    openButton: 'Open the comment',
    more: 'And more in the queue: {{count}}.',
    queue: 'The moderation queue: {{link}}',
    queueButton: 'Open the moderation queue',
    footer:
      'You receive this email because you are an editor of the newsroom; one email gathers the comments of several minutes. The language of these emails is the admin language on your account page.',
  },
}
