import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The Payload instance for server code; initialised once per process. */
export const getPayloadClient = (): Promise<Payload> => getPayload({ config })
