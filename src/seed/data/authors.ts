import type { SeedAuthor } from './types'

/** Invented bylines for the demo newsroom. */
export const authors: SeedAuthor[] = [
  {
    slug: 'leyla-mammadova',
    name: 'Leyla Mammadova',
    jobTitle: 'Economy correspondent',
    bio: 'Leyla Mammadova covers trade, banking and small business from Baku. Before joining Caspian Digest she spent six years on a financial wire desk, where she learned to distrust round numbers.',
    links: [
      { label: 'X', url: 'https://example.com/x/leylamammadova' },
      { label: 'Personal site', url: 'https://example.com/leyla-mammadova' },
    ],
  },
  {
    slug: 'farid-hasanov',
    name: 'Farid Hasanov',
    jobTitle: 'Energy and climate reporter',
    bio: 'Farid Hasanov writes about oil, gas, power grids and the Caspian environment. He trained as a petroleum engineer and still reads drilling reports for pleasure. He is based in Sumgait.',
    links: [{ label: 'LinkedIn', url: 'https://example.com/in/farid-hasanov' }],
  },
  {
    slug: 'nino-beridze',
    name: 'Nino Beridze',
    jobTitle: 'Regional correspondent, Tbilisi',
    bio: 'Nino Beridze reports on transport corridors, border trade and regional cooperation from Tbilisi. She has crossed the Caspian by ferry more times than she cares to count and writes in Georgian, Russian and English.',
    links: [
      { label: 'X', url: 'https://example.com/x/ninoberidze' },
      { label: 'Newsletter', url: 'https://example.com/newsletters/nino-beridze' },
    ],
  },
  {
    slug: 'thomas-whitfield',
    name: 'Thomas Whitfield',
    jobTitle: 'Opinion editor',
    bio: 'Thomas Whitfield edits the Opinion section and writes a fortnightly column on climate policy and regional diplomacy. He previously worked for newspapers in Manchester and Istanbul and has lived in Baku since 2019.',
    links: [{ label: 'Column archive', url: 'https://example.com/columns/thomas-whitfield' }],
  },
  {
    slug: 'gunel-aghayeva',
    name: 'Gunel Aghayeva',
    jobTitle: 'Culture editor',
    bio: "Gunel Aghayeva writes about literature, music, museums and heritage. She holds a degree in art history from Baku State University and is working, slowly, on a book about the city's forgotten printing houses.",
    links: [{ label: 'Instagram', url: 'https://example.com/instagram/gunel.aghayeva' }],
  },
  {
    slug: 'emil-karimov',
    name: 'Emil Karimov',
    jobTitle: 'Science and technology writer',
    bio: "Emil Karimov covers research, universities and technology, including demining and defence engineering. He has a master's degree in geophysics and a habit of asking scientists to explain things one more time.",
    links: [
      { label: 'Mastodon', url: 'https://example.com/@emilkarimov' },
      { label: 'Portfolio', url: 'https://example.com/emil-karimov' },
    ],
  },
  {
    slug: 'newsroom-desk',
    name: 'Newsroom Desk',
    jobTitle: 'Caspian Digest staff',
    bio: 'Stories compiled by the Caspian Digest editors from our own reporting, agency material and partner outlets.',
    isHouse: true,
  },
]
