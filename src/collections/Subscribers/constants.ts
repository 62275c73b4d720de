/** A subscriber's life: `pending` until the emailed link is used, then `subscribed`. */
export const SUBSCRIBER_STATUSES = ['pending', 'subscribed', 'unsubscribed'] as const
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number]

export const SUBSCRIBER_LIMITS = {
  /** RFC 5321's longest address */
  email: 254,
  /** sections one subscriber may pick (more: "every section") */
  sections: 50,
} as const

/** How long a confirmation link works. */
export const CONFIRM_TOKEN_HOURS = 48

/** The purpose signed into the manage / unsubscribe links (src/lib/signedLinks.ts). */
export const MANAGE_LINK_PURPOSE = 'newsletter:manage'

/** Subscription rate limits: per client address, and per email address (hashed). */
export const SUBSCRIBE_RATE_LIMITS = {
  perAddress: { bucket: 'newsletter-subscribe-address', limit: 10, windowSeconds: 3600 },
  perEmail: { bucket: 'newsletter-subscribe-email', limit: 3, windowSeconds: 3600 },
  /** confirm / preferences / unsubscribe: generous, against token guessing */
  perAddressLinks: { bucket: 'newsletter-links-address', limit: 60, windowSeconds: 600 },
} as const

/** Digest emails one pass of the job reads from the database at a time. */
export const DIGEST_BATCH = 100
/** The most articles one digest lists (newest first). */
export const DIGEST_MAX_ARTICLES = 50
/** Default send hour and time zone when the site settings have none. */
export const DEFAULT_DIGEST_HOUR = 7
export const DEFAULT_DIGEST_TIME_ZONE = 'Asia/Baku'
