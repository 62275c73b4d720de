/** Notification emails, in the recipient's admin language. Variables as {{name}}. English is the source; az and ru must match it key for key. */
export const emailsEn = {}
