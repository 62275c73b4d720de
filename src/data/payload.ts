import 'server-only'

import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/**
 * The Payload instance the read layer reads through: the process's one (`getPayload` keeps it),
 * so every `getX` takes only its arguments, and tests that made the instance with the same
 * config read the same database.
 */
export const getPayloadClient = (): Promise<Payload> => getPayload({ config })
