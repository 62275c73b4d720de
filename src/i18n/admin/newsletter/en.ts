/**
 * The admin's words for the newsletter: the subscribers collection, the digest settings and the
 * preview of the next digest (keys `custom:newsletter:…`). English is the source; az and ru are
 * `Shape<typeof newsletterEn>`.
 */
export const newsletterEn = {
  singular: 'Subscriber',
  plural: 'Newsletter subscribers',
  email: 'Email address',
  language: 'Digest language',
  sections: 'Sections',
  allSections: 'Every section',
  status: 'Status',
  statuses: {
    pending: 'Awaiting confirmation',
    subscribed: 'Subscribed',
    unsubscribed: 'Unsubscribed',
  },
  confirmedAt: 'Confirmed at',
  unsubscribedAt: 'Unsubscribed at',
  ipHash: 'Address fingerprint',
  ipHashDescription:
    'A salted hash of the address the subscription came from, for rate limits; the address itself is not kept.',
  statusDescription:
    'Readers confirm and unsubscribe themselves; an editor may only mark a subscriber unsubscribed.',
  settings: {
    tab: 'Newsletter',
    digestHour: 'Daily digest hour',
    digestHourDescription:
      'The hour (0–23) the daily digest goes out, in the time zone below; the articles published since the last digest.',
    digestTimeZone: 'Digest time zone',
    digestTimeZoneDescription: 'An IANA time zone name, such as Asia/Baku.',
    badTimeZone: 'Not a time zone this server knows: {{zone}}.',
  },
  preview: {
    navLink: 'Digest preview',
    title: 'Preview of the next digest',
    intro:
      'What subscribers in the chosen language will get at the next send: articles published since the last digest, and those scheduled before the send hour.',
    language: 'Language',
    sendAt: 'Next send: {{time}}',
    recipients: 'Subscribers it would go to: {{count}}',
    articles: 'Articles in it: {{count}}',
    empty: 'No article so far: nobody would get a digest.',
    frameTitle: 'The digest as subscribers see it',
    editorsOnly: 'Only editors can see the digest preview.',
  },
}
