/**
 * The editorial workflow as a local Payload plugin: what it adds to `articles` (the stage,
 * who works on the story, the schedule, the Workflow panel and history tab, the transition /
 * workflow / notes endpoints, Payload's Publish button for the roles that may publish, the
 * hooks that hold every write to the table) and to the jobs queue (scheduled transitions and
 * notifications). Who runs the queue is not the plugin's business: one guarded runner at a time
 * (src/jobs/), in the worker or in the web server (src/instrumentation.ts), never Payload's own
 * `jobs.autoRun` cron, which is unsafe with several runners.
 *
 * Its hooks are appended to the collection's; where they must run among the collection's own
 * and the translations' hooks is stated once, in src/plugins.ts.
 */
import type { Config, Field, Plugin } from 'payload'

import { englishLabel } from '@/i18n/admin'
import { appendHooks, changeCollection, inSidebar, insertFields } from '@/lib/plugins'

import { workflowEndpoints } from './endpoints'
import { workflowHistoryTab, workflowSidebarFields } from './fields'
import { applyWorkflow, recordWorkflow, rememberSaveMode } from './hooks'
import { workflowTasks } from './jobs'

export type WorkflowPluginOptions = {
  /** The label of the tab the history tab goes before; last among the tabs when absent. */
  historyTabBefore?: string
}

/** The workflow's hooks on articles, by kind; their place among the others: src/plugins.ts. */
export const workflowHooks = {
  beforeOperation: [rememberSaveMode],
  beforeChange: [applyWorkflow],
  afterChange: [recordWorkflow],
}

/** The edit view's first tabs field with the history tab added. */
const withHistoryTab = (fields: Field[], before?: string): Field[] => {
  const index = fields.findIndex((field) => field.type === 'tabs')
  const field = fields[index]
  if (field?.type !== 'tabs') {
    throw new Error('The workflow plugin puts its history in a tab: articles have none.')
  }
  const at = field.tabs.findIndex((tab) => englishLabel(tab.label) === before)
  const tabs =
    at === -1
      ? [...field.tabs, workflowHistoryTab]
      : [...field.tabs.slice(0, at), workflowHistoryTab, ...field.tabs.slice(at)]
  return fields.map((existing, i) => (i === index ? { ...field, tabs } : existing))
}

export const workflowPlugin =
  ({ historyTabBefore }: WorkflowPluginOptions): Plugin =>
  (incoming: Config): Config => {
    const config = changeCollection(incoming, 'articles', (articles) => ({
      ...articles,
      admin: {
        ...articles.admin,
        components: {
          ...articles.admin?.components,
          edit: {
            ...articles.admin?.components?.edit,
            // Payload's Publish button, for the roles that may publish only (the table's).
            PublishButton: '@/components/workflow/EditorPublishButton#EditorPublishButton',
            // The header's status and the menu's Unpublish, in the workflow's words and rules.
            Status: '@/components/workflow/WorkflowStatus#WorkflowStatus',
            UnpublishButton: '@/components/workflow/ArticleUnpublishButton#ArticleUnpublishButton',
          },
        },
      },
      endpoints: [...(articles.endpoints || []), ...workflowEndpoints],
      indexes: [...(articles.indexes ?? []), { fields: ['stage', 'scheduledAt'] }],
      hooks: appendHooks(articles.hooks, workflowHooks),
      // The workflow first in the sidebar.
      fields: insertFields(
        withHistoryTab(articles.fields, historyTabBefore),
        workflowSidebarFields,
        inSidebar,
      ),
    }))
    const jobs = config.jobs ?? {}
    return { ...config, jobs: { ...jobs, tasks: [...(jobs.tasks ?? []), ...workflowTasks] } }
  }
