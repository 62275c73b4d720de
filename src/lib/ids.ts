import fs from 'node:fs/promises'
import path from 'node:path'

import { getTranslation } from '@payloadcms/translations'
import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  UploadConfig,
} from 'payload'

import { refuse } from './errors'
import { languageOf } from './messages'
import { checkRequestedFileName, isValidId, rejectMalformedQueries } from './requestChecks'

/**
 * Every collection here has serial integer ids. A request naming any other id (`/api/articles/abc`,
 * or one beyond PostgreSQL's integer range) would reach the database as a type error and come
 * back as a 500; it gets a 404 instead.
 */
export const rejectMalformedIds: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !isValidId(id)) {
    // The collection's name as the admin calls it, in the requester's language (labels are
    // functions of Payload's i18n: src/i18n/admin).
    const name = collection.labels?.singular
      ? getTranslation(collection.labels.singular, req.i18n)
      : collection.slug
    // The id as the caller wrote it: Payload has made a number of a long one (1e+20).
    const written = req.routeParams?.id ?? id
    throw refuse(req, 'ids:notFound', 404, {
      name: name.toLocaleLowerCase(languageOf(req)),
      id: String(written),
    })
  }
  return args
}

/**
 * The first handler of a file URL (`/api/<upload collection>/file/<name>`): a name that is not a
 * plain file name is a 400, and a file missing from local storage a 404 (Payload answers both with
 * a 500). Storage adapters (S3) turn local storage off and answer for their files themselves.
 */
export const checkFileRequest: NonNullable<UploadConfig['handlers']>[number] = async (
  req,
  { params },
) => {
  checkRequestedFileName(req, params.filename)
  const upload = req.payload.collections[params.collection as CollectionSlug]?.config.upload
  if (upload && !upload.disableLocalStorage) {
    const dir = path.resolve(upload.staticDir || params.collection)
    const exists = await fs
      .stat(path.join(dir, params.filename))
      .then((stats) => stats.isFile())
      .catch(() => false)
    if (!exists) throw refuse(req, 'uploads:fileNotFound', 404, { name: params.filename })
  }
}

/**
 * The collection with the request checks first among its beforeOperation hooks: malformed ids,
 * malformed queries and upload names (src/lib/requestChecks.ts), and for uploads, file names.
 */
export const withIdCheck = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [
      rejectMalformedIds,
      rejectMalformedQueries,
      ...(collection.hooks?.beforeOperation ?? []),
    ],
  },
  ...(collection.upload
    ? {
        upload: {
          ...(collection.upload === true ? {} : collection.upload),
          handlers: [
            checkFileRequest,
            ...((collection.upload !== true && collection.upload.handlers) || []),
          ],
        },
      }
    : {}),
})
