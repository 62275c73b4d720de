import 'server-only'

import { getPayload, type Payload } from 'payload'

import config from '@payload-config'

/**
 * The Payload instance the read layer reads through: the process's one (`getPayload` keeps it),
 * so every `getX` takes only its arguments, and tests that made the instance with the same
 * config read the same database.
 */
export const getPayloadClient = (): Promise<Payload> => getPayload({ config })
