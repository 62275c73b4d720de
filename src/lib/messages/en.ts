/** Server messages: refusals, checklist items, validation and upload errors, in the requester's language (req.i18n). Variables as {{name}}. English is the source; az and ru must match it key for key. */
export const messagesEn = {
  /** Language names as they stand inside a sentence ("You work in Azerbaijani"). */
  languages: {
    en: 'English',
    az: 'Azerbaijani',
    ru: 'Russian',
    none: 'no language',
  },
  server: {
    error: 'Something went wrong.',
    malformedJson: 'The request is not valid JSON (its body, or its "where" or "data" parameter).',
    malformedForm: 'The request body is not a well-formed form (multipart or urlencoded).',
  },
  /** The query parameters of a list or a document request (src/lib/requestChecks.ts). */
  query: {
    parameterNotInteger: 'The "{{name}}" parameter must be a whole number from {{min}} to {{max}}.',
    whereNotObject:
      'The "where" parameter must be an object of conditions, e.g. where[title][equals]=x.',
    whereTooLarge:
      'The "where" parameter has too many conditions (at most {{max}}, nested at most {{depth}} deep).',
    andOrNotList: '"{{key}}" in "where" must be a list of conditions.',
    conditionNotObject:
      'The condition on "{{path}}" must be an operator and a value, e.g. where[{{path}}][equals]=x.',
    unknownOperator:
      '"{{operator}}" is not an operator (on "{{path}}"). Use one of: {{operators}}.',
    valueIsObject: 'The value of "{{operator}}" on "{{path}}" must be a value, not an object.',
    tooManyValues: '"{{operator}}" on "{{path}}" takes at most {{max}} values.',
    notAnId: '"{{value}}" is not an id (on "{{path}}"): ids are whole numbers from 1 to {{max}}.',
    notANumber: '"{{value}}" is not a number (on "{{path}}").',
    notAChoice: '"{{value}}" is not one of the choices of "{{path}}": {{choices}}.',
    textMatchOnStructured: '"{{operator}}" cannot be used on "{{path}}", a {{type}} field.',
    geoOnNonPoint: '"{{operator}}" works only on point fields, and "{{path}}" is not one.',
    nulInValue: 'The value of "{{operator}}" on "{{path}}" must not contain a NUL character.',
    nulInFieldName: 'The field name in "where" must not contain a NUL character.',
    nulInParameter: 'The "{{name}}" parameter must not contain a NUL character.',
    sortNotFields: 'The "sort" parameter must name fields, e.g. sort=-publishedAt,title.',
    selectNotFields: 'The "select" parameter must name fields, e.g. select[title]=true.',
    /** The kinds of field a text match cannot search. */
    fieldTypes: {
      richText: 'rich-text',
      json: 'JSON',
      blocks: 'blocks',
      array: 'list',
      group: 'group',
      tab: 'tab',
      join: 'join',
      choice: 'choice',
    },
  },
  ids: {
    notFound: 'There is no {{name}} with the id "{{id}}".',
  },
  access: {
    logIn: 'Log in to the newsroom first.',
    staffOnly: 'Only newsroom staff can do this.',
    notArticleId: '"{{id}}" is not an article id.',
    noArticle: 'No article with id {{id}}.',
    notText: '"{{field}}" must be text.',
    tooLong: '"{{field}}" is limited to {{max}} characters.',
    cannotSort: 'You cannot sort by "{{path}}": there is no such field, or not one you may read.',
    cannotFilter:
      'You cannot filter by "{{path}}": there is no such field, or not one you may read.',
  },
  locks: {
    editing:
      'Someone else is editing this document in the admin. Ask them to close it, or take it over in the admin, then save again.',
  },
  workflow: {
    unknownTransition: 'Unknown transition "{{name}}". Allowed from {{stage}}: {{allowed}}.',
    notAllowed:
      'You cannot {{transition}} an article that is {{stage}}. Allowed from here: {{allowed}}.',
    noneForYou: 'none for you',
    needsNote: '{{transition}} needs a note saying why.',
    needsFutureDate: '{{transition}} needs a date in the future.',
    checklist: 'Cannot {{transition}} yet: add {{items}}.',
    sayWhich: 'Say which transition to fire: { "transition": "submit" }.',
    logInToMove: 'Log in to move an article.',
    notesOnlyYours: 'You can only add notes to articles you work on.',
    noteEmpty: 'A note needs some text.',
    restoreEditorsOnly: 'Only editors can restore an earlier version.',
    restorePublished:
      'This article is published: restore the version as a draft, then publish it through the workflow.',
    done: '{{transition}}: done.',
    noteAdded: 'Note added.',
  },
  /** What the pre-publish checklist finds missing; the panel lists them, a refusal joins them. */
  checklist: {
    heroImage: 'a hero image',
    heroAlt: 'alt text on the hero image',
    section: 'a section',
    dek: 'a dek',
    author: 'at least one author',
  },
  uploads: {
    tooLarge: 'The file is {{size}}; uploads are limited to {{max}}.',
    notImage: '"{{name}}" is not an image this site accepts (JPEG, PNG, WebP, AVIF or GIF).',
    wrongFormat:
      '"{{name}}" is {{format}}; only JPEG, PNG, WebP, AVIF and GIF images are accepted.',
    unknownFormat: 'an unknown format',
    tooManyPixels:
      '"{{name}}" is {{width}}×{{height}} pixels; images may have at most {{max}} pixels.',
    megabytes: '{{count}} MB',
    fileNameInvalid: 'A file name must be a plain name: no control characters, slashes or "..".',
    fileNameTooLong: 'The file name is too long (at most {{max}} bytes).',
    fileNotFound: 'There is no file named "{{name}}".',
  },
  articles: {
    attachElsewhere: 'Only editors can attach a language version to another story.',
    makeOriginal: 'Only editors can make a language version an original.',
    translatorLanguage:
      'You work in {{languages}}: a language version cannot be put in {{language}} by you.',
    translatorOriginal:
      'Translators work on language versions: add this as a version of its original, in one of your languages.',
    writersOwn: 'Writers work on their own articles: this one would belong to someone else.',
    slugTaken: 'The slug "{{slug}}" is already used by an article in {{language}}.',
    slugRequired: 'A slug is required: give the title or type one.',
  },
  links: {
    notText: 'A link must be text.',
    spaces: 'A link cannot contain spaces, tabs, line breaks, control characters or backslashes.',
    absolute: 'Enter a full link that starts with https://, http:// or mailto:.',
    absoluteOrPath:
      'Enter a full link that starts with https://, http:// or mailto:, or a path on this site that starts with one / (such as /en/pages/about).',
    sitePath: 'A path on this site starts with one / and cannot lead to another site.',
  },
  database: {
    busy: 'The newsroom is busy: too many saves at once. Nothing was saved; try again in a moment.',
    locked:
      'Someone else is saving this document right now. Nothing was saved; try again in a moment.',
    slow: 'The database took too long to answer. Nothing was saved; try again in a moment.',
    gone: 'The database is not reachable right now. Try again in a moment.',
  },
  request: {
    notJson: 'The request body must be JSON.',
  },
  translations: {
    notAnId: 'translationOf must be the id of an article.',
    ofItself: 'An article cannot be a language version of itself.',
    mayNotAdd:
      'Only editors, and translators working in {{language}}, can add a version in {{language}}.',
    noOriginal: 'There is no article {{id}} to translate.',
    originalIsVersion:
      'Article {{id}} is itself a language version; link to its original (article {{originalId}}).',
    sameLanguage:
      'The original is in {{language}}; a language version must be in another language.',
    languageTaken:
      'This story already has a version in {{language}} (article {{id}}, "{{title}}"); work on that one.',
    hasVersions: 'This article has language versions of its own, so it stays an original.',
    originalGone: 'The original of this version (article {{id}}) is gone.',
    addFromOriginal:
      'This is a language version; add translations from its original (article {{id}}).',
    whichLanguage: 'Say which language to add: one of {{languages}}.',
    onlyEditorsAssign: 'Only editors assign translations to others.',
    noSuchUser: 'There is no user {{id}}.',
    created: '{{language}} version created.',
    notAVersion: 'This article is an original, not a language version.',
    mayNotMarkUpdated: 'Only the translators of this language and editors can mark it updated.',
    notUpdatedYet:
      'The text of this version has not changed since the original changed: update it first, then mark it updated.',
    markedUpdated: 'Marked as up to date with the original.',
    versionsUnpublished: 'Language versions unpublished: {{count}}.',
  },
  moderation: {
    editorsOnly: 'Only editors moderate comments.',
    noIds: 'Choose at least one comment.',
    tooManyIds: 'At most {{max}} comments at once; you chose {{count}}.',
    badIds: 'Comment ids are whole numbers; "{{ids}}" are not.',
    unknownIds: 'There are no comments {{ids}}. Nothing was changed.',
    badStatus: 'The status must be one of {{statuses}}.',
    parentNotApproved:
      'Comment {{id}} answers comment {{parentId}}, which is not approved: approve that one first (or both together). Nothing was changed.',
    noComment: 'There is no comment {{id}}.',
    replyEmpty: 'Write the reply first.',
    replyTooLong: 'A reply is limited to {{max}} characters.',
    replyToHidden:
      'Comment {{id}} is {{status}}: the newsroom replies only to comments it publishes. Nothing was changed.',
    moderated: 'Comments changed: {{count}}.',
    replied: 'The reply is published.',
  },
  comments: {
    noArticle: 'There is no article here to comment on.',
    closed: 'Comments on this article are closed.',
    hidden: 'This article does not take comments.',
    badParent: 'The comment you are replying to is not under this article (or not published).',
    nameMissing: 'Please write your name.',
    nameTooLong: 'Your name can be at most {{max}} characters long.',
    bodyMissing: 'Please write your comment.',
    bodyTooLong: 'Your comment can be at most {{max}} characters long; it has {{length}}.',
    badEmail: 'Please give a valid email address (it is never published).',
    badLanguage: 'Unknown language.',
    tooManyLinks: 'A comment may contain at most {{max}} links.',
    tooFast:
      'That was very quick. Please take a few seconds to read over your comment, then send it again.',
    formExpired: 'This form is too old. Please reload the page and send your comment again.',
    duplicate: 'You have already sent this comment.',
    rateLimited:
      'You have sent too many comments in a short time. Please try again in {{minutes}} min.',
    tooLarge: 'The request is too large.',
    badForm: 'The form could not be read. Please reload the page and try again.',
    linkInvalid: 'This link is not valid. Please open it exactly as it came in the email.',
    linkExpired: 'This link has expired. Send your comment again and you will get a new one.',
    linkUsed: 'This link has already been used: your address is confirmed.',
    mailFailed:
      'The confirmation email could not be sent. Nothing was saved; please try again later.',
  },
  newsletter: {
    badEmail: 'Enter a valid email address (at most 254 characters).',
    badLanguage: 'Choose the digest language: one of {{languages}}.',
    noSections: 'Choose at least one section, or every section.',
    badSections: 'These sections do not exist: {{ids}}. Choose among the sections shown.',
    tooManySections: 'Choose at most {{max}} sections, or every section.',
    rejected: 'Your subscription could not be accepted. Please try again.',
    tooMany: 'Too many subscription requests. Try again in {{seconds}} seconds.',
    tokenMissing:
      'This link has no confirmation code. Open the link from the email exactly as it was sent.',
    tokenUnknown:
      'This confirmation link is not valid. Open the link from the latest email exactly as it was sent, or subscribe again.',
    tokenExpired:
      'This confirmation link has expired. Subscribe again and we will send you a new one.',
    tokenUsed: 'This confirmation link has already been used: your subscription is confirmed.',
    linkInvalid:
      'This link to your subscription is not valid. Open it from one of our newsletter emails exactly as it was sent.',
    onlyUnsubscribe: 'An editor may only mark a subscriber unsubscribed.',
    badDate: 'Give the digest date as YYYY-MM-DD.',
    unknownSubscriber: 'This subscription no longer exists.',
  },
  planning: {
    pastDate:
      'The planned date cannot be on a day that is already over ({{today}} is today). Choose today or a later day.',
    notPlannable:
      'Only an article that is not yet scheduled or published can carry a planned date; this one is {{stage}}.',
  },
  live: {
    notLive: 'This article is not live coverage. Start live coverage first.',
    ended: 'The live coverage of this article has ended. Resume it to post updates.',
    alreadyLive: 'This article already has live coverage.',
    unknownArticle: 'There is no article {{id}}.',
    tooMany: 'This live coverage already holds {{max}} updates, the most it may hold.',
    missing: 'A {{kind}} update needs: {{fields}}.',
    otherArticle: 'An update stays on its article: it cannot be moved to another one.',
  },
  breaking: {
    editorsOnly: 'Only editors can mark an article as breaking news.',
    notPublished:
      'Only a published article can be marked as breaking news. Publish it first, then mark it.',
    noArticle: 'There is no article {{id}}.',
    alreadyMarked:
      'This article is already marked as breaking news. Change the expiry of its mark instead.',
    badExpiry: 'The expiry must be a date and time, e.g. 2026-11-26T15:00:00Z.',
    expiryPast: 'The expiry must be in the future.',
    expiryTooFar: 'A breaking news mark lasts at most {{hours}} hours.',
    articleFixed: 'A mark stays with its article: remove it and mark the other article instead.',
  },
  embargo: {
    notBefore:
      'This story is under embargo until {{until}}: nobody can publish it before then. Schedule it for that time or later.',
    scheduleBefore:
      'This story is under embargo until {{until}}: schedule it for that time or later.',
    writersCannotShorten:
      'Only editors can bring an embargo forward. It stays until {{until}}; you can move it later.',
    writersCannotLift: 'Only editors can lift an embargo. It stays until {{until}}.',
    scheduledBefore:
      'The article "{{title}}" is scheduled for {{scheduledAt}}, before the embargo ({{until}}). Cancel that schedule or schedule it for the embargo or later first.',
    alreadyPublished:
      'The article "{{title}}" is already published: an embargo can only be set before publication.',
    eventSet: 'Embargo set: not before {{until}}.',
    eventMoved: 'Embargo moved: not before {{until}}.',
    eventLifted: 'Embargo lifted (it was until {{until}}).',
  },
  redirects: {
    fromMalformed:
      'The old address must be a path on this site starting with "/", such as /en/articles/old-title (at most {{max}} characters, no spaces).',
    fromReserved:
      'The old address cannot be under /admin, /api, /next or /_next: those are not pages.',
    toMalformed:
      'The new address must be a path on this site starting with "/", such as /en/articles/new-title (at most {{max}} characters, no spaces).',
    toExternal:
      'The new address must be on this site: a redirect never sends readers to another website.',
    toReserved:
      'The new address cannot be under /admin, /api, /next or /_next: those are not pages.',
    same: 'The old and the new address are the same ({{path}}).',
    loop: 'This redirect would make a loop: {{to}} already leads back to {{from}}. Change that redirect first.',
    liveArticle:
      "A published article lives at {{path}}: a redirect would hide it. Change the article's slug or unpublish it first.",
    duplicate: 'There is already a redirect from {{path}}. Edit that one instead.',
    toNotLive:
      'No published article lives at {{path}}. A redirect may lead to an article only once it is published.',
  },
}
