import type { Keys, Shape } from '@/lib/dictionary'

import type { en } from './en'

export type { Shape } from '@/lib/dictionary'

/**
 * What every language's dictionary must be: exactly English's keys, none optional, none added.
 * A dictionary written `{ … } satisfies AdminDictionary` fails `tsc` on a missing or unknown key.
 */
export type AdminDictionary = Shape<typeof en>

/** A key of the dictionary, Payload's way (`articles:dek`); `custom:` is put before it. */
export type AdminKey = Keys<AdminDictionary>
