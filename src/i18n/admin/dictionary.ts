import type { en } from './en'

/** The shape of a text tree: the same keys, every leaf a string. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/**
 * What every language's dictionary must be: exactly English's keys, none optional, none added.
 * A dictionary written `{ … } satisfies AdminDictionary` fails `tsc` on a missing or unknown key.
 */
export type AdminDictionary = Shape<typeof en>

/** A key of the dictionary, Payload's way (`articles:dek`); `custom:` is put before it. */
export type AdminKey = Keys<AdminDictionary>

type Keys<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}:${Keys<T[K]>}`
}[keyof T & string]
