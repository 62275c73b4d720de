import { mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import pg from 'pg'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_USERS, seed } from '@/seed'
import { articles as seedArticles } from '@/seed/data'

import { migrations } from '../../migrations'
import { backupNewsroom } from '../../scripts/lib/backup'
import { listFiles } from '../../scripts/lib/backup/files'
import type { Manifest } from '../../scripts/lib/backup/format'
import { restoreNewsroom, type Migration } from '../../scripts/lib/restore'
import { createTestDatabase, query } from '../helpers/database'
import { imageFile } from '../helpers/fixtures'
import { createPayloadOn, createTestPayload, type TestPayload } from '../helpers/payload'

const MIGRATIONS = migrations as unknown as Migration[]

/**
 * Every table of the public schema with a fingerprint of all its rows, generated columns
 * included (they are recomputed on restore and must come out the same).
 */
const fingerprint = async (databaseUrl: string) => {
  const tables = await query<{ name: string }>(
    databaseUrl,
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace
       AND relkind = 'r' ORDER BY relname COLLATE "C"`,
  )
  const result: Record<string, { rows: number; md5: string }> = {}
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; md5: string }>(
      databaseUrl,
      `SELECT count(*)::int AS rows,
              md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
         FROM public.${pg.escapeIdentifier(name)} t`,
    )
    result[name] = row
  }
  return result
}

const sequences = (databaseUrl: string) =>
  query<{ name: string; last_value: string; is_called: boolean }>(
    databaseUrl,
    `SELECT sequencename AS name, last_value::text, last_value IS NOT NULL AS is_called
       FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename COLLATE "C"`,
  )

const relationCount = async (databaseUrl: string) =>
  Number(
    (
      await query<{ n: string }>(
        databaseUrl,
        `SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
      )
    )[0].n,
  )

/** Unpacks an archive, lets `change` edit it, packs it again under a new name. */
const tamper = async (
  archive: string,
  name: string,
  change: (dir: string, manifest: Manifest) => Promise<Manifest | void>,
) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-tamper-'))
  await tar.extract({ file: archive, cwd: dir })
  const manifestFile = path.join(dir, 'manifest.json')
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest
  const changed = await change(dir, manifest)
  if (changed) await writeFile(manifestFile, JSON.stringify(changed))
  const out = path.join(path.dirname(archive), name)
  await tar.create({ gzip: true, file: out, cwd: dir }, ['manifest.json', 'data', 'media'])
  await rm(dir, { recursive: true, force: true })
  return out
}

describe('backup and restore', () => {
  let source: TestPayload
  let work: string
  let archive: string
  let manifest: Manifest
  let sourceFingerprint: Awaited<ReturnType<typeof fingerprint>>
  const sourceMedia = () => process.env.MEDIA_DIR as string

  // the restored newsroom: a second database and media folder, and a Payload on them
  let restored: { url: string; drop: () => Promise<void> }
  let restoredPayload: Payload
  let closeRestored: () => Promise<void>
  let restoredMedia: string
  // an empty database for the refusals
  let empty: { url: string; drop: () => Promise<void> }
  let emptyPayload: Payload
  let closeEmpty: () => Promise<void>

  beforeAll(async () => {
    source = await createTestPayload()
    await seed(source.payload)
    // a few uploads of our own beside the seed's hero images
    for (const [i, format] of (['png', 'jpeg', 'webp'] as const).entries()) {
      await source.payload.create({
        collection: 'media',
        data: { alt: `Upload ${i}` },
        file: await imageFile({ width: 640 + i, height: 360, format }),
      })
    }
    work = await mkdtemp(path.join(os.tmpdir(), 'newsroom-backup-test-'))
    archive = path.join(work, 'newsroom.tar.gz')
    ;({ manifest } = await backupNewsroom({
      databaseUrl: source.databaseUrl,
      out: archive,
      mediaDir: sourceMedia(),
    }))
    sourceFingerprint = await fingerprint(source.databaseUrl)

    const restoredDb = await createTestDatabase('restored')
    restored = restoredDb
    ;({ payload: restoredPayload, close: closeRestored } = await createPayloadOn(
      restoredDb.url,
      'restored',
    ))
    restoredMedia = path.join(work, 'restored-media')
    const emptyDb = await createTestDatabase('empty')
    empty = emptyDb
    ;({ payload: emptyPayload, close: closeEmpty } = await createPayloadOn(emptyDb.url, 'empty'))
  })

  afterAll(async () => {
    await closeRestored?.()
    await closeEmpty?.()
    await restored?.drop()
    await empty?.drop()
    await source?.teardown()
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('writes one archive with a manifest of migrations, tables, counts and checksums', async () => {
    expect(manifest.migrations).toEqual(migrations.map((m) => m.name))
    expect(manifest.server.versionNum).toBeGreaterThanOrEqual(180000)
    const articles = manifest.tables.find((t) => t.name === 'articles')!
    expect(articles.rows).toBe(seedArticles.length)
    expect(articles.columns).not.toContain('search_vector')
    expect(articles.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(manifest.tables.map((t) => t.name)).toEqual(Object.keys(sourceFingerprint))
    for (const table of manifest.tables) {
      expect(table.rows, table.name).toBe(sourceFingerprint[table.name].rows)
    }
    expect(manifest.media.included).toBe(true)
    expect(manifest.media.files.map((f) => f.path)).toEqual(await listFiles(sourceMedia()))
    expect(manifest.media.files.length).toBeGreaterThan(3 * 5)
  })

  it('restores the seeded newsroom exactly into an empty database and media folder', async () => {
    const result = await restoreNewsroom({
      payload: restoredPayload,
      archive,
      migrations: MIGRATIONS,
      mediaDir: restoredMedia,
    })
    expect(result.migratedAfter).toEqual([])

    const after = await fingerprint(restored.url)
    expect(Object.keys(after).length).toBeGreaterThan(30)
    expect(after).toEqual(sourceFingerprint)
    // the search vectors were recomputed by PostgreSQL and match the source's
    expect(
      (
        await query<{ n: number }>(
          restored.url,
          `SELECT count(*)::int AS n FROM articles WHERE search_vector IS NOT NULL`,
        )
      )[0].n,
    ).toBe(seedArticles.length)
    expect(await sequences(restored.url)).toEqual(await sequences(source.databaseUrl))

    const files = await listFiles(sourceMedia())
    expect(await listFiles(restoredMedia)).toEqual(files)
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(path.join(sourceMedia(), file)),
        readFile(path.join(restoredMedia, file)),
      ])
      expect(b.equals(a), file).toBe(true)
    }
  })

  it('lets Payload read the restored newsroom and keep writing to it', async () => {
    const published = seedArticles.find((a) => a.status === 'published')!
    const { docs } = await restoredPayload.find({
      collection: 'articles',
      where: { slug: { equals: published.slug }, language: { equals: published.language } },
      overrideAccess: false,
      depth: 1,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].title).toBe(published.title)
    expect(docs[0].heroImage).toMatchObject({ filename: expect.any(String) })

    const editor = DEMO_USERS.find((u) => u.email.startsWith('editor@'))!
    const login = await restoredPayload.login({
      collection: 'users',
      data: { email: editor.email, password: editor.password },
    })
    expect(login.token).toBeTruthy()
    expect(login.user?.email).toBe(editor.email)

    // sequences continue after the restored ids: no clash
    const [{ max }] = await query<{ max: number }>(
      restored.url,
      'SELECT max(id)::int AS max FROM articles',
    )
    const created = await restoredPayload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: 'Written after the restore',
        language: 'en',
        _status: 'draft',
      } as never,
    })
    expect(created.id).toBeGreaterThan(max)
    const [{ maxVersion }] = await query<{ maxVersion: number }>(
      restored.url,
      'SELECT max(id)::int AS "maxVersion" FROM _articles_v',
    )
    const versions = await restoredPayload.findVersions({
      collection: 'articles',
      where: { parent: { equals: created.id } },
    })
    expect(versions.docs[0].id).toBeGreaterThan(maxVersion - 1)
  })

  it('refuses a database that has content without --force, and changes nothing', async () => {
    await expect(
      restoreNewsroom({
        payload: source.payload,
        archive,
        migrations: MIGRATIONS,
        mediaDir: path.join(work, 'unused-media'),
      }),
    ).rejects.toThrow(/target database is not empty.*--force/)
    expect(await fingerprint(source.databaseUrl)).toEqual(sourceFingerprint)
  })

  it('refuses a media folder that has files without --force', async () => {
    const media = path.join(work, 'full-media')
    await mkdir(media)
    await writeFile(path.join(media, 'existing.png'), 'not ours')
    await expect(
      restoreNewsroom({ payload: emptyPayload, archive, migrations: MIGRATIONS, mediaDir: media }),
    ).rejects.toThrow(/media folder .* is not empty/)
    expect(await relationCount(empty.url)).toBe(0)
    expect(await listFiles(media)).toEqual(['existing.png'])
  })

  it('refuses an archive whose table data has changed (checksum) and leaves the target empty', async () => {
    const corrupted = await tamper(archive, 'changed.tar.gz', async (dir) => {
      const file = path.join(dir, 'data', 'articles.copy')
      const text = await readFile(file, 'utf8')
      // same length, same number of rows, one letter different
      await writeFile(file, text.replace('Baku', 'Bakx'))
    })
    await expect(
      restoreNewsroom({
        payload: emptyPayload,
        archive: corrupted,
        migrations: MIGRATIONS,
        mediaDir: path.join(work, 'm1'),
      }),
    ).rejects.toThrow(/table articles is corrupted: \d+ rows read, \d+ expected, checksum differs/)
    expect(await relationCount(empty.url)).toBe(0)
    expect(await listFiles(work)).not.toContain('m1')
  })

  it('refuses an archive with a truncated table and leaves the target empty', async () => {
    const truncated = await tamper(archive, 'truncated.tar.gz', async (dir) => {
      const file = path.join(dir, 'data', 'articles_rels.copy')
      const lines = (await readFile(file, 'utf8')).split('\n')
      await writeFile(file, lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n')
    })
    await expect(
      restoreNewsroom({
        payload: emptyPayload,
        archive: truncated,
        migrations: MIGRATIONS,
        mediaDir: path.join(work, 'm2'),
      }),
    ).rejects.toThrow(/articles_rels is corrupted/)
    expect(await relationCount(empty.url)).toBe(0)
  })

  it('refuses an archive file cut short before it touches the database', async () => {
    const cut = path.join(work, 'cut.tar.gz')
    await writeFile(cut, await readFile(archive))
    await truncate(cut, Math.floor((await stat(cut)).size / 2))
    await expect(
      restoreNewsroom({
        payload: emptyPayload,
        archive: cut,
        migrations: MIGRATIONS,
        mediaDir: path.join(work, 'm3'),
      }),
    ).rejects.toThrow(/could not be read/)
    expect(await relationCount(empty.url)).toBe(0)
  })

  it('refuses an archive made with a newer set of migrations', async () => {
    const newer = await tamper(archive, 'newer.tar.gz', async (_dir, m) => ({
      ...m,
      migrations: [...m.migrations, '20991231_000000_from_the_future'],
    }))
    await expect(
      restoreNewsroom({
        payload: emptyPayload,
        archive: newer,
        migrations: MIGRATIONS,
        mediaDir: path.join(work, 'm4'),
      }),
    ).rejects.toThrow(
      /newer version of the newsroom: its migrations 20991231_000000_from_the_future/,
    )
    expect(await relationCount(empty.url)).toBe(0)
  })

  it('restores an archive of older migrations, then applies the newer ones', async () => {
    const older = await createTestDatabase('older')
    const target = await createTestDatabase('newer')
    const { payload: olderPayload, close: closeOlder } = await createPayloadOn(older.url, 'older')
    const { payload: targetPayload, close: closeTarget } = await createPayloadOn(
      target.url,
      'newer',
    )
    try {
      await olderPayload.db.migrate({ migrations: migrations.slice(0, -1) as never })
      const out = path.join(work, 'older.tar.gz')
      const { manifest: olderManifest } = await backupNewsroom({
        databaseUrl: older.url,
        out,
        mediaDir: path.join(work, 'no-such-media'),
      })
      expect(olderManifest.migrations).toEqual(migrations.slice(0, -1).map((m) => m.name))
      const result = await restoreNewsroom({
        payload: targetPayload,
        archive: out,
        migrations: MIGRATIONS,
        mediaDir: path.join(work, 'm5'),
      })
      expect(result.migratedAfter).toEqual([migrations.at(-1)!.name])
      const applied = await query<{ name: string }>(
        target.url,
        'SELECT name FROM payload_migrations ORDER BY id',
      )
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name))
      expect(Object.keys(await fingerprint(target.url))).toEqual(Object.keys(sourceFingerprint))
    } finally {
      await closeOlder()
      await closeTarget()
      await older.drop()
      await target.drop()
    }
  })

  it('with --force replaces a database that has content', async () => {
    await source.payload.create({
      collection: 'tags',
      data: { name: 'Written after the backup' } as never,
    })
    expect(await fingerprint(source.databaseUrl)).not.toEqual(sourceFingerprint)
    const media = path.join(work, 'forced-media')
    await restoreNewsroom({
      payload: source.payload,
      archive,
      migrations: MIGRATIONS,
      mediaDir: media,
      force: true,
    })
    expect(await fingerprint(source.databaseUrl)).toEqual(sourceFingerprint)
    expect(await listFiles(media)).toEqual(await listFiles(sourceMedia()))
  })

  it('dumps one consistent snapshot while the newsroom keeps writing', async () => {
    const tags = async () =>
      (await query<{ n: number }>(source.databaseUrl, 'SELECT count(*)::int AS n FROM tags'))[0].n
    const before = await tags()
    let written: number | string | null = null
    const { manifest: during } = await backupNewsroom({
      databaseUrl: source.databaseUrl,
      out: path.join(work, 'during-writes.tar.gz'),
      mediaDir: sourceMedia(),
      // the first table is dumped (the snapshot is taken); an editor then adds a tag
      onTableDumped: async () => {
        if (written !== null) return
        written = (
          await source.payload.create({
            collection: 'tags',
            data: { name: 'Added during the backup' } as never,
          })
        ).id
      },
    })
    expect(written).not.toBeNull()
    expect(await tags()).toBe(before + 1)
    const entry = (name: string) => during.tables.find((t) => t.name === name)!
    expect(entry('tags').rows).toBe(before)
    expect(entry('tags_locales').rows).toBe(
      manifest.tables.find((t) => t.name === 'tags_locales')!.rows,
    )
  })
})
