import { seedByKey } from './byKey'
import { authors } from './data'
import { seedImage } from './media'
import { context, type SeedRun } from './run'

/** Demo logins printed by `npm run dev`: one per role. For local use only. */
export const DEMO_USERS = [
  {
    email: 'admin@caspiandigest.example',
    password: 'demo-admin',
    name: 'Aysel Admin',
    roles: ['admin'],
    languages: ['en', 'az', 'ru'],
  },
  {
    email: 'editor@caspiandigest.example',
    password: 'demo-editor',
    name: 'Elvin Editor',
    roles: ['editor'],
    languages: ['en', 'az'],
  },
  {
    email: 'author@caspiandigest.example',
    password: 'demo-author',
    name: 'Nigar Author',
    roles: ['author'],
    languages: ['en'],
  },
  {
    email: 'translator@caspiandigest.example',
    password: 'demo-translator',
    name: 'Rustam Translator',
    roles: ['translator'],
    languages: ['az', 'ru'],
  },
] as const

/** Public bylines, by slug, with a drawn portrait unless a house byline. Returns slug → id. */
export const seedAuthors = (run: SeedRun): Promise<Map<string, number>> =>
  seedByKey(run, 'authors', 'slug', authors, async (author) => {
    const photo = author.isHouse
      ? undefined
      : await seedImage(
          run,
          `author-${author.slug}`,
          author.slug,
          `Portrait illustration for ${author.name}`,
        )
    const doc = await run.payload.create({
      collection: 'authors',
      data: {
        name: author.name,
        slug: author.slug,
        jobTitle: author.jobTitle,
        bio: author.bio,
        isHouse: Boolean(author.isHouse),
        photo,
        links: author.links ?? [],
      },
      context,
    })
    return doc.id
  })

/**
 * People who log in (`DEMO_USERS`), by email; the author and the editor write under seeded
 * bylines. Returns email → id.
 */
export const seedUsers = (
  run: SeedRun,
  authorIds: Map<string, number>,
): Promise<Map<string, number>> => {
  const bylineFor: Record<string, string | undefined> = {
    'editor@caspiandigest.example': authors.find((a) => !a.isHouse)?.slug,
    'author@caspiandigest.example': authors.filter((a) => !a.isHouse)[1]?.slug,
  }
  return seedByKey(run, 'users', 'email', DEMO_USERS, async (user) => {
    const byline = bylineFor[user.email]
    const created = await run.payload.create({
      collection: 'users',
      data: {
        ...user,
        roles: [...user.roles],
        languages: [...user.languages],
        author: byline ? authorIds.get(byline) : undefined,
      },
      context,
    })
    return created.id
  })
}
