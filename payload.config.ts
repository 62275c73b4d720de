import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import { az } from '@payloadcms/translations/languages/az'
import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'
import { buildConfig, type SharpDependency } from 'payload'
import sharp, { type SharpOptions } from 'sharp'

import { migrations } from './migrations'
import { Articles } from './src/collections/Articles'
import { Authors } from './src/collections/Authors'
import { Categories } from './src/collections/Categories'
import { Media } from './src/collections/Media'
import { Pages } from './src/collections/Pages'
import { Tags } from './src/collections/Tags'
import { Users } from './src/collections/Users'
import { Navigation } from './src/globals/Navigation'
import { SiteSettings } from './src/globals/SiteSettings'
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from './src/lib/uploads'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const isProduction = process.env.NODE_ENV === 'production'
const serverURL = process.env.SERVER_URL || 'http://localhost:3000'

/** sharp with a pixel ceiling, so a decompression bomb fails fast instead of filling memory. */
const boundedSharp = ((input: Parameters<typeof sharp>[0], options?: SharpOptions) =>
  sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, ...options })) as unknown as SharpDependency

export default buildConfig({
  serverURL,
  secret: process.env.PAYLOAD_SECRET || (isProduction ? '' : 'dev-only-secret-change-me'),
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(dirname, 'src') },
    meta: { titleSuffix: ' · Caspian Digest newsroom' },
    components: {
      // The editorial desk: articles by stage and the next 24 hours (src/components/desk/).
      beforeNavLinks: ['@/components/desk/DeskNavLink#DeskNavLink'],
      views: {
        desk: { Component: '@/components/desk/DeskView#DeskView', path: '/desk' },
      },
    },
  },
  collections: [Articles, Categories, Tags, Authors, Media, Pages, Users],
  globals: [SiteSettings, Navigation],
  editor: lexicalEditor(),
  localization: {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'az', label: 'Azərbaycanca' },
      { code: 'ru', label: 'Русский' },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  i18n: {
    supportedLanguages: { en, az, ru },
    fallbackLanguage: 'en',
  },
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    // Schema changes go through committed migrations only (npm run migrate:create).
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    // `next start` on an empty database applies pending migrations by itself.
    prodMigrations: migrations,
  }),
  sharp: boundedSharp,
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    responseOnLimit: `Uploads are limited to ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB.`,
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    maxComplexity: 1000,
  },
  cors: [serverURL],
  csrf: [serverURL],
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  telemetry: false,
  plugins: [
    nestedDocsPlugin({
      collections: ['categories'],
      generateLabel: (_, doc) => String(doc.name ?? ''),
      generateURL: (docs) => docs.reduce((url, doc) => `${url}/${doc.slug}`, ''),
    }),
    seoPlugin({
      collections: ['pages'],
      uploadsCollection: 'media',
      // Articles carry the same fields unlocalized (src/collections/Articles); these generators
      // serve both.
      generateTitle: ({ doc }) => `${doc?.title ?? ''} · Caspian Digest`,
      generateDescription: ({ doc }) => String(doc?.dek ?? ''),
    }),
    s3Storage({
      enabled: Boolean(process.env.S3_BUCKET),
      collections: { media: true },
      bucket: process.env.S3_BUCKET || '',
      config: {
        endpoint: process.env.S3_ENDPOINT || undefined,
        region: process.env.S3_REGION || 'us-east-1',
        forcePathStyle: true,
        credentials: {
          accessKeyId: process.env.S3_ACCESS_KEY_ID || '',
          secretAccessKey: process.env.S3_SECRET_ACCESS_KEY || '',
        },
      },
    }),
  ],
})
