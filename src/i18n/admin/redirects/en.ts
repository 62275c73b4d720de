/**
 * The admin's words for redirects: the collection, its fields and the origins of a row (keys
 * `custom:redirects:…`). English is the source; az and ru are `Shape<typeof redirectsEn>`.
 */
export const redirectsEn = {
  singular: 'Redirect',
  plural: 'Redirects',
  description:
    'Old addresses and where they lead now (answered with 301). Made automatically when a published article, a section or a tag changes its address; add one by hand for anything else.',
  from: 'Old address',
  fromDescription:
    'A path on this site, such as /en/articles/old-title or /2019/05/story.html?id=5. A full URL keeps its path and query.',
  to: 'New address',
  toDescription:
    'A path on this site, such as /az/articles/new-title. Readers are never sent to another website.',
  toDocument: 'Leads to a page',
  toDocumentDescription:
    'Or choose an article, a section or a tag: the new address is its address (a section or tag in the language of the old address) and follows it when it changes.',
  origin: 'Made',
  origins: {
    automatic: 'Automatically (address changed)',
    manual: 'By hand',
    imported: 'By the importer',
  },
  createdBy: 'Created by',
}
