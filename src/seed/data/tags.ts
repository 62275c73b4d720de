import type { SeedTag } from './types'

/** Topical tags that cut across sections. */
export const tags: SeedTag[] = [
  { slug: 'caspian', name: 'Caspian' },
  { slug: 'middle-corridor', name: 'Middle Corridor' },
  { slug: 'renewables', name: 'Renewables' },
  { slug: 'oil-and-gas', name: 'Oil and gas' },
  { slug: 'baku', name: 'Baku' },
  { slug: 'diplomacy', name: 'Diplomacy' },
  { slug: 'peace-process', name: 'Peace process' },
  { slug: 'climate-finance', name: 'Climate finance' },
  { slug: 'rail', name: 'Rail' },
  { slug: 'ports', name: 'Ports' },
  { slug: 'heritage', name: 'Heritage' },
  { slug: 'literature', name: 'Literature' },
  { slug: 'startups', name: 'Startups' },
  { slug: 'water', name: 'Water' },
  { slug: 'education', name: 'Education' },
  { slug: 'women-in-science', name: 'Women in science' },
  { slug: 'reconstruction', name: 'Reconstruction' },
]
