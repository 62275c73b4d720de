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
  email: 'Email',
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
}
