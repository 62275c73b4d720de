import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { az } from '@payloadcms/translations/languages/az'
import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'
import { buildConfig, type SharpDependency } from 'payload'
import sharp, { type SharpOptions } from 'sharp'

import { migrations } from './migrations'
import { hasRole, isEditorUser } from './src/access/roles'
import { Articles } from './src/collections/Articles'
import { Authors } from './src/collections/Authors'
import { BreakingNews } from './src/collections/BreakingNews'
import { Categories } from './src/collections/Categories'
import { Comments } from './src/collections/Comments'
import { EditorialEvents } from './src/collections/EditorialEvents'
import { LiveCoverages } from './src/collections/LiveCoverages'
import { LiveUpdates } from './src/collections/LiveUpdates'
import { Media } from './src/collections/Media'
import { Pages } from './src/collections/Pages'
import { Redirects } from './src/collections/Redirects'
import { Subscribers } from './src/collections/Subscribers'
import { ensureDigestSchedule } from './src/collections/Subscribers/digest'
import { newsletterTasks } from './src/collections/Subscribers/jobs'
import { Tags } from './src/collections/Tags'
import { Users } from './src/collections/Users'
import { databaseAdapter } from './src/db/adapter'
import { answerDatabaseRefusals } from './src/db/errors'
import { Navigation } from './src/globals/Navigation'
import { SiteSettings } from './src/globals/SiteSettings'
import { adminTranslations } from './src/i18n/admin'
import { buildClientSchemaMapPerRequest } from './src/i18n/admin/schemaMap'
import { emailAdapter } from './src/lib/email'
import { answerErrors, loggingLevels } from './src/lib/errorResponse'
import { MAX_QUERY_ALIASES, queryCostRule } from './src/lib/graphqlCost'
import { CONTENT_LOCALES, DEFAULT_LANGUAGE } from './src/lib/languages'
import { trustedOrigins } from './src/lib/origins'
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from './src/lib/uploads'
import { plugins } from './src/plugins'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const isProduction = process.env.NODE_ENV === 'production'
const serverURL = process.env.SERVER_URL || 'http://localhost:3000'

// libvips keeps up to 50 MB of recent operations (and 20 open files) per process by default;
// an upload or an image resize is rarely repeated, so on a small server that memory is better
// left to the rest. One libvips thread per image: the requests themselves run in parallel.
// (next/image uses the same sharp.) README, "Memory".
sharp.cache(false)
sharp.concurrency(Number(process.env.SHARP_CONCURRENCY) || 1)

/** sharp with a pixel ceiling, so a decompression bomb fails fast instead of filling memory. */
const boundedSharp = ((input: Parameters<typeof sharp>[0], options?: SharpOptions) =>
  sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, ...options })) as unknown as SharpDependency

// Server-rendered field labels in each admin's own language (see the module).
buildClientSchemaMapPerRequest()

export default buildConfig({
  serverURL,
  secret: process.env.PAYLOAD_SECRET || (isProduction ? '' : 'dev-only-secret-change-me'),
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(dirname, 'src') },
    meta: { titleSuffix: ' · Caspian Digest newsroom' },
    components: {
      // The admin in the account's stored language, and the account following Payload's
      // language switch (src/components/account/).
      providers: ['@/components/account/AdminLanguageSync#AdminLanguageSync'],
      // The editorial desk: articles by stage and the next 24 hours (src/components/desk/).
      beforeNavLinks: [
        '@/components/desk/DeskNavLink#DeskNavLink',
        '@/components/planning/PlanningNavLink#PlanningNavLink',
        '@/components/newsletter/DigestPreviewNavLink#DigestPreviewNavLink',
      ],
      views: {
        desk: { Component: '@/components/desk/DeskView#DeskView', path: '/desk' },
        // The planning calendar: a week or month of scheduled and planned items (src/components/planning/).
        planning: {
          Component: '@/components/planning/PlanningView#PlanningView',
          path: '/planning',
        },
        // The next daily digest per language, for editors (src/components/newsletter/).
        newsletterPreview: {
          Component: '@/components/newsletter/DigestPreviewView#DigestPreviewView',
          path: '/newsletter-preview',
        },
      },
    },
  },
  // Every collection and global gets the edge checks (ids and query shapes, the query guard,
  // document locks) from the last plugin, `edgeChecks` (src/plugins.ts).
  collections: [
    Articles,
    Categories,
    Tags,
    Authors,
    Media,
    Pages,
    Users,
    EditorialEvents,
    Comments,
    Subscribers,
    LiveCoverages,
    LiveUpdates,
    BreakingNews,
    Redirects,
  ],
  globals: [SiteSettings, Navigation],
  editor: lexicalEditor(),
  localization: {
    locales: CONTENT_LOCALES,
    defaultLocale: DEFAULT_LANGUAGE,
    fallback: true,
  },
  // Payload's own strings in the admin's language, and ours as `custom:` keys
  // (src/i18n/admin/: en the source, az and ru checked key for key by tsc).
  i18n: {
    supportedLanguages: { en, az, ru },
    fallbackLanguage: DEFAULT_LANGUAGE,
    translations: adminTranslations,
  },
  // A bounded pool with PostgreSQL's lock, statement and idle timeouts, and a bound on open
  // transactions (src/db/adapter.ts; the knobs in src/db/limits.ts and the README).
  db: databaseAdapter({
    connectionString: process.env.DATABASE_URL,
    // Schema changes go through committed migrations only (npm run migrate:create).
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    // `next start` on an empty database applies pending migrations by itself.
    prodMigrations: migrations,
  }),
  sharp: boundedSharp,
  email: emailAdapter(dirname),
  // The workflow's tasks and the run of its queue come with its plugin (src/plugins.ts).
  jobs: {
    // The newsletter's check and digest tasks (src/collections/Subscribers/digest.ts); the
    // workflow's come with its plugin.
    tasks: newsletterTasks,
    // Jobs are the system acting; people do not queue, run or cancel them over the API.
    access: {
      queue: ({ req }) => hasRole(req.user, 'admin'),
      run: ({ req }) => hasRole(req.user, 'admin'),
      cancel: ({ req }) => isEditorUser(req.user),
    },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      access: { ...defaultJobsCollection.access, read: ({ req }) => hasRole(req.user, 'admin') },
      admin: {
        ...defaultJobsCollection.admin,
        hidden: ({ user }) => !hasRole(user as { roles?: string[] }, 'admin'),
      },
    }),
  },
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    responseOnLimit: `Uploads are limited to ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB.`,
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    maxComplexity: 1000,
    // Complexity counts fields, not nesting: a query twelve relationships deep stays cheap by
    // that measure and expensive to run. Depth is limited on its own.
    // The rule reports the refusal as a validation error (a 400 with the message) rather than
    // throwing it, which the GraphQL handler would answer with an empty 500.
    // Aliases and lists multiply the work of one query: the aliases are counted, and the cost
    // rule sums the documents every list may load (src/lib/graphqlCost.ts).
    validationRules: (args) => [
      maxDepthRule({
        n: 10,
        propagateOnRejection: false,
        onReject: [(context, error) => context?.reportError(error)],
      }),
      maxAliasesRule({
        n: MAX_QUERY_ALIASES,
        propagateOnRejection: false,
        onReject: [(context, error) => context?.reportError(error)],
      }),
      queryCostRule(args?.variableValues ?? {}),
    ],
  },
  // Refusals are the caller's fault: logged at info level without a stack. Server errors answer
  // with a request id that their log line carries (src/lib/errorResponse.ts).
  loggingLevels,
  // A database limit reached is a 409/503 with its message (src/db/errors.ts); everything else:
  // caller faults keep their 4xx message, server errors get a request id (src/lib/errorResponse.ts).
  hooks: { afterError: [(args) => answerDatabaseRefusals(args) ?? answerErrors(args)] },
  // The site's origin (SERVER_URL) and TRUSTED_ORIGINS: a browser request with the session
  // cookie from any other origin is not authenticated, and gets no CORS answer (src/lib/origins.ts).
  // Two arrays: Payload adds to `csrf` as it sanitizes the config.
  cors: trustedOrigins(),
  csrf: trustedOrigins(),
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  telemetry: false,
  // The newsletter's "is a digest due?" chain: planned once, whichever process starts first.
  onInit: (payload) => ensureDigestSchedule(payload),
  // The plugins, in order, and the order of the articles' hooks among them: src/plugins.ts.
  plugins,
})
