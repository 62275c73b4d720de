/** The admin components' words: the workflow and translations panels, the desk. Variables as {{name}}. English is the source; az and ru must match it key for key. */
export const panelsEn = {}
