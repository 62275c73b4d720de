import type { UIField } from 'payload'

/**
 * The Workflow panel in an article's sidebar (src/components/workflow/WorkflowPanel.tsx): stage,
 * assignee and reviewer, checklist, the transitions the signed-in person may fire, the timeline.
 * Stores nothing; everything it shows comes from the workflow endpoints.
 */
export const workflowPanelField: UIField = {
  name: 'workflowPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '@/components/workflow/WorkflowPanel#WorkflowPanel' },
  },
}
