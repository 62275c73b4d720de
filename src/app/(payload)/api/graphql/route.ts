import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { answerMalformedBodies } from '@/lib/errorResponse'
import config from '@payload-config'

export const POST = answerMalformedBodies(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
