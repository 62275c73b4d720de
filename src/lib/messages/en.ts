/** Server messages: refusals, checklist items, validation and upload errors, in the requester's language (req.i18n). Variables as {{name}}. English is the source; az and ru must match it key for key. */
export const messagesEn = {
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
}
