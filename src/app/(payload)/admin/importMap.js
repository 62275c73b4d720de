import { TranslationsPanel as TranslationsPanel_0916ae9a2a5a44b7f4b456cbb45d9f09 } from '@/components/translations/TranslationsPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { WorkflowPanel as WorkflowPanel_62a017c06f1e6303e8357ab4fdec4930 } from '@/components/workflow/WorkflowPanel'
import { StageCell as StageCell_cef5cab18fb113f17a0ae4db1efcd99f } from '@/components/workflow/StageCell'
import { NeedsUpdateCell as NeedsUpdateCell_a972a3ce6a5c80db0a9675a098c6d0fc } from '@/components/translations/NeedsUpdateCell'
import { BreakingControl as BreakingControl_88a164317dee55072de85ddd68592f52 } from '@/components/breaking/BreakingControl'
import { LivePanel as LivePanel_c22a3c7450198276162a26dd2c6f355b } from '@/components/live/admin/LivePanel'
import { EditorPublishButton as EditorPublishButton_3c939f6f4683392a9ebbeab800e1d13f } from '@/components/workflow/EditorPublishButton'
import { WorkflowStatus as WorkflowStatus_6965ce88d9674892426dfb141320141a } from '@/components/workflow/WorkflowStatus'
import { ArticleUnpublishButton as ArticleUnpublishButton_e4b0216125277185e546e17410a0af3f } from '@/components/workflow/ArticleUnpublishButton'
import { AdminLanguageField as AdminLanguageField_0de598e2737ae698940cc73039aba351 } from '@/components/account/AdminLanguageField'
import { ExcerptCell as ExcerptCell_34a45e8a7ad42823410f801b125495fa } from '@/components/comments-admin/ExcerptCell'
import { ModerationPanel as ModerationPanel_ba360bacd0a33dcccb83243ac76af937 } from '@/components/comments-admin/ModerationPanel'
import { ModerationBar as ModerationBar_b10ba87cc477fd381e087c202ad836ea } from '@/components/comments-admin/ModerationBar'
import { DeskNavLink as DeskNavLink_ae6441604865d7aa5813cd243fd7db15 } from '@/components/desk/DeskNavLink'
import { PlanningNavLink as PlanningNavLink_908b03efce64c46b6b059d87d5ef3181 } from '@/components/planning/PlanningNavLink'
import { DigestPreviewNavLink as DigestPreviewNavLink_a491947830ff5579f08376a095e4c675 } from '@/components/newsletter/DigestPreviewNavLink'
import { AdminLanguageSync as AdminLanguageSync_87ae1519062e4a4612d597bc35dd147e } from '@/components/account/AdminLanguageSync'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { DeskView as DeskView_ce7da2f52c2f2523bcd4fee3b1113c6d } from '@/components/desk/DeskView'
import { PlanningView as PlanningView_d1848be96ebb3b15f6ed1a9f355b740b } from '@/components/planning/PlanningView'
import { DigestPreviewView as DigestPreviewView_0fda5f065bc440226ac940e33f85e075 } from '@/components/newsletter/DigestPreviewView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@/components/translations/TranslationsPanel#TranslationsPanel": TranslationsPanel_0916ae9a2a5a44b7f4b456cbb45d9f09,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/plugin-seo/client#OverviewComponent": OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaTitleComponent": MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaDescriptionComponent": MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaImageComponent": MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#PreviewComponent": PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@/components/workflow/WorkflowPanel#WorkflowPanel": WorkflowPanel_62a017c06f1e6303e8357ab4fdec4930,
  "@/components/workflow/StageCell#StageCell": StageCell_cef5cab18fb113f17a0ae4db1efcd99f,
  "@/components/translations/NeedsUpdateCell#NeedsUpdateCell": NeedsUpdateCell_a972a3ce6a5c80db0a9675a098c6d0fc,
  "@/components/breaking/BreakingControl#BreakingControl": BreakingControl_88a164317dee55072de85ddd68592f52,
  "@/components/live/admin/LivePanel#LivePanel": LivePanel_c22a3c7450198276162a26dd2c6f355b,
  "@/components/workflow/EditorPublishButton#EditorPublishButton": EditorPublishButton_3c939f6f4683392a9ebbeab800e1d13f,
  "@/components/workflow/WorkflowStatus#WorkflowStatus": WorkflowStatus_6965ce88d9674892426dfb141320141a,
  "@/components/workflow/ArticleUnpublishButton#ArticleUnpublishButton": ArticleUnpublishButton_e4b0216125277185e546e17410a0af3f,
  "@/components/account/AdminLanguageField#AdminLanguageField": AdminLanguageField_0de598e2737ae698940cc73039aba351,
  "@/components/comments-admin/ExcerptCell#ExcerptCell": ExcerptCell_34a45e8a7ad42823410f801b125495fa,
  "@/components/comments-admin/ModerationPanel#ModerationPanel": ModerationPanel_ba360bacd0a33dcccb83243ac76af937,
  "@/components/comments-admin/ModerationBar#ModerationBar": ModerationBar_b10ba87cc477fd381e087c202ad836ea,
  "@/components/desk/DeskNavLink#DeskNavLink": DeskNavLink_ae6441604865d7aa5813cd243fd7db15,
  "@/components/planning/PlanningNavLink#PlanningNavLink": PlanningNavLink_908b03efce64c46b6b059d87d5ef3181,
  "@/components/newsletter/DigestPreviewNavLink#DigestPreviewNavLink": DigestPreviewNavLink_a491947830ff5579f08376a095e4c675,
  "@/components/account/AdminLanguageSync#AdminLanguageSync": AdminLanguageSync_87ae1519062e4a4612d597bc35dd147e,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@/components/desk/DeskView#DeskView": DeskView_ce7da2f52c2f2523bcd4fee3b1113c6d,
  "@/components/planning/PlanningView#PlanningView": PlanningView_d1848be96ebb3b15f6ed1a9f355b740b,
  "@/components/newsletter/DigestPreviewView#DigestPreviewView": DigestPreviewView_0fda5f065bc440226ac940e33f85e075,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
