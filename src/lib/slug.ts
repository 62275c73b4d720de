import slugifyLib from '@sindresorhus/slugify'

/**
 * URL slug for any of the site's languages: Azerbaijani and Russian letters are transliterated
 * (ə → e, ü → u, ş → s, ж → zh), everything lower-case ASCII joined by hyphens. Azerbaijani
 * ü and ö become u and o, as Azerbaijani sites write them, not German ue and oe.
 */
export const slugify = (value: string): string =>
  slugifyLib(value, {
    customReplacements: [
      ['ə', 'e'],
      ['Ə', 'e'],
      ['ü', 'u'],
      ['Ü', 'u'],
      ['ö', 'o'],
      ['Ö', 'o'],
      ['&', ' and '],
    ],
  }).slice(0, 120)
