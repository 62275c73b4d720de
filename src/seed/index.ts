import type { Payload } from 'payload'

import { linkRelatedArticles, seedArticles, seedLanguageVersions } from './articles'
import { seedComments } from './comments'
import { seedLiveCoverage } from './live'
import { seedAuthors, seedUsers } from './people'
import { seedPlannedDates } from './planning'
import { seedRedirects } from './redirects'
import { startSeedRun, type SeedResult } from './run'
import { seedNavigation, seedPages, seedSettings } from './site'
import { seedSections, seedTags } from './taxonomy'

export { DEMO_USERS } from './people'
export type { SeedResult } from './run'

/**
 * Loads the demo newsroom. Every record is looked up by its natural key (email, slug,
 * language + slug, filename) and only created when missing, so running it again changes nothing
 * and an interrupted run is completed by the next. One step per kind of record, in the order
 * their references need: sections, tags, bylines (with their portraits), logins, originals
 * (with their hero images), language versions, related links, readers' comments, pages, then
 * the globals.
 */
export const seed = async (payload: Payload): Promise<SeedResult> => {
  const run = startSeedRun(payload)
  const categoryIds = await seedSections(run)
  const tagIds = await seedTags(run)
  const authorIds = await seedAuthors(run)
  const userIds = await seedUsers(run, authorIds)
  const refs = { categoryIds, tagIds, authorIds, userIds, articleIds: new Map<string, number>() }
  await seedArticles(run, refs)
  await seedLanguageVersions(run, refs)
  await linkRelatedArticles(run, refs.articleIds)
  await seedComments(run)
  await seedPlannedDates(run)
  await seedLiveCoverage(run)
  const pageIds = await seedPages(run)
  await seedSettings(run)
  await seedNavigation(run, categoryIds, pageIds)
  await seedRedirects(run)
  return run.result
}
