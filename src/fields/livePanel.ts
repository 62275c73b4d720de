import type { UIField } from 'payload'

import { isEditorUser } from '@/access/roles'

/**
 * The Live panel in an article's sidebar (src/components/live/admin/): start, end or resume the
 * article's live coverage and post, correct or delete its updates. Stores nothing on the article
 * (the coverage and updates are their own collections); editors and admins only, the same rule
 * as the collections' access.
 */
export const livePanelField: UIField = {
  name: 'livePanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    condition: (_data, _sibling, { user }) => isEditorUser(user),
    components: { Field: '@/components/live/admin/LivePanel#LivePanel' },
  },
}
