/**
 * Payload's admin (@payloadcms/ui 3.90, `getClientSchemaMap`) keeps each collection's client
 * field schema map once per process, keyed by the collection only: its labels are in the
 * language of the first request that built it. The fields the server renders from it (rich
 * text, custom field components) then show every later admin that language's labels: an
 * Azerbaijani editor read "Text" over the body once an English one had opened an article.
 * Payload rebuilds the map while `_payload_doNotCacheClientSchemaMap` is set (its flag for a
 * config reload in development); held on, the map is built per request (React's `cache`
 * still shares it within one), in that request's language.
 */
export const buildClientSchemaMapPerRequest = () => {
  Object.defineProperty(globalThis, '_payload_doNotCacheClientSchemaMap', {
    configurable: true,
    get: () => true,
    set: () => undefined,
  })
}
