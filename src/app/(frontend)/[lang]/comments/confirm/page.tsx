import { commentLinkRoute } from '@/components/comments/CommentLinkPage'

/** Personal (a token in the URL): rendered per request, never cached, never indexed. */
export const dynamic = 'force-dynamic'

const route = commentLinkRoute('confirm')
export const generateMetadata = route.generateMetadata
export default route.Page
