/**
 * The admin's words for breaking news: the marks' collection, the control in an article's
 * sidebar and the desk's list (keys `custom:breaking:…`). English is the source; az and ru are
 * `Shape<typeof breakingEn>`.
 */
export const breakingEn = {
  singular: 'Breaking news mark',
  plural: 'Breaking news',
  article: 'Article',
  language: 'Language',
  expiresAt: 'Runs out at',
  expiresAtDescription:
    'The banner disappears at this time. At most 48 hours ahead; 2 hours when left empty.',
  markedBy: 'Marked by',
  panel: {
    title: 'Breaking news',
    none: 'Not marked as breaking news.',
    markedUntil: 'Breaking news until {{time}}.',
    expired: 'The mark ran out at {{time}}.',
    onlyPublished: 'Publish the article first: only published articles can be breaking news.',
    lasts: 'Lasts',
    hours: '{{count}} h',
    mark: 'Mark as breaking',
    change: 'Change expiry',
    remove: 'Remove mark',
    saving: 'Saving…',
    failed: 'The mark could not be saved.',
  },
}
