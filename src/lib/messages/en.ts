/** Server messages: refusals, checklist items, validation and upload errors, in the requester's language (req.i18n). Variables as {{name}}. English is the source; az and ru must match it key for key. */
export const messagesEn = {
  request: {
    notJson: 'The request body must be JSON.',
  },
}
