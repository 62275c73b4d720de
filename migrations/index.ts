import * as migration_20261123_113457_initial from './20261123_113457_initial';
import * as migration_20261124_164252_search_vectors from './20261124_164252_search_vectors';
import * as migration_20261124_164716_editorial_workflow from './20261124_164716_editorial_workflow';
import * as migration_20261124_192346_list_and_search_indexes from './20261124_192346_list_and_search_indexes';
import * as migration_20261126_033142_editorial_notifications from './20261126_033142_editorial_notifications';
import * as migration_20261126_033240_s3_storage_fields from './20261126_033240_s3_storage_fields';
import * as migration_20261126_062304_workflow_start_update from './20261126_062304_workflow_start_update';
import * as migration_20261126_062417_users_admin_language from './20261126_062417_users_admin_language';
import * as migration_20261126_063135_article_hero_alt from './20261126_063135_article_hero_alt';
import * as migration_20261126_092401_comments from './20261126_092401_comments';
import * as migration_20261126_093622_comment_notifications from './20261126_093622_comment_notifications';
import * as migration_20261126_093737_newsletter from './20261126_093737_newsletter';
import * as migration_20261126_100000_comment_commenters from './20261126_100000_comment_commenters';
import * as migration_20261126_122401_planning from './20261126_122401_planning';
import * as migration_20261126_122540_embargo from './20261126_122540_embargo';
import * as migration_20261126_122850_breaking from './20261126_122850_breaking';
import * as migration_20261126_123014_live from './20261126_123014_live';
import * as migration_20261126_131225_redirects from './20261126_131225_redirects';
import * as migration_20261126_153121_body_html from './20261126_153121_body_html';
import * as migration_20261126_153229_search_speed from './20261126_153229_search_speed';
import * as migration_20261126_155207_api_lists from './20261126_155207_api_lists';

export const migrations = [
  {
    up: migration_20261123_113457_initial.up,
    down: migration_20261123_113457_initial.down,
    name: '20261123_113457_initial',
  },
  {
    up: migration_20261124_164252_search_vectors.up,
    down: migration_20261124_164252_search_vectors.down,
    name: '20261124_164252_search_vectors',
  },
  {
    up: migration_20261124_164716_editorial_workflow.up,
    down: migration_20261124_164716_editorial_workflow.down,
    name: '20261124_164716_editorial_workflow',
  },
  {
    up: migration_20261124_192346_list_and_search_indexes.up,
    down: migration_20261124_192346_list_and_search_indexes.down,
    name: '20261124_192346_list_and_search_indexes',
  },
  {
    up: migration_20261126_033142_editorial_notifications.up,
    down: migration_20261126_033142_editorial_notifications.down,
    name: '20261126_033142_editorial_notifications',
  },
  {
    up: migration_20261126_033240_s3_storage_fields.up,
    down: migration_20261126_033240_s3_storage_fields.down,
    name: '20261126_033240_s3_storage_fields',
  },
  {
    up: migration_20261126_062304_workflow_start_update.up,
    down: migration_20261126_062304_workflow_start_update.down,
    name: '20261126_062304_workflow_start_update',
  },
  {
    up: migration_20261126_062417_users_admin_language.up,
    down: migration_20261126_062417_users_admin_language.down,
    name: '20261126_062417_users_admin_language',
  },
  {
    up: migration_20261126_063135_article_hero_alt.up,
    down: migration_20261126_063135_article_hero_alt.down,
    name: '20261126_063135_article_hero_alt',
  },
  {
    up: migration_20261126_092401_comments.up,
    down: migration_20261126_092401_comments.down,
    name: '20261126_092401_comments',
  },
  {
    up: migration_20261126_093622_comment_notifications.up,
    down: migration_20261126_093622_comment_notifications.down,
    name: '20261126_093622_comment_notifications',
  },
  {
    up: migration_20261126_093737_newsletter.up,
    down: migration_20261126_093737_newsletter.down,
    name: '20261126_093737_newsletter',
  },
  {
    up: migration_20261126_100000_comment_commenters.up,
    down: migration_20261126_100000_comment_commenters.down,
    name: '20261126_100000_comment_commenters',
  },
  {
    up: migration_20261126_122401_planning.up,
    down: migration_20261126_122401_planning.down,
    name: '20261126_122401_planning',
  },
  {
    up: migration_20261126_122540_embargo.up,
    down: migration_20261126_122540_embargo.down,
    name: '20261126_122540_embargo',
  },
  {
    up: migration_20261126_122850_breaking.up,
    down: migration_20261126_122850_breaking.down,
    name: '20261126_122850_breaking',
  },
  {
    up: migration_20261126_123014_live.up,
    down: migration_20261126_123014_live.down,
    name: '20261126_123014_live',
  },
  {
    up: migration_20261126_131225_redirects.up,
    down: migration_20261126_131225_redirects.down,
    name: '20261126_131225_redirects',
  },
  {
    up: migration_20261126_153121_body_html.up,
    down: migration_20261126_153121_body_html.down,
    name: '20261126_153121_body_html',
  },
  {
    up: migration_20261126_153229_search_speed.up,
    down: migration_20261126_153229_search_speed.down,
    name: '20261126_153229_search_speed',
  },
  {
    up: migration_20261126_155207_api_lists.up,
    down: migration_20261126_155207_api_lists.down,
    name: '20261126_155207_api_lists',
  },
];
