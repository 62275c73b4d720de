import { escapeHtml } from './html'
import { safeHref } from './safeUrl'

/**
 * Live coverage: an article's short timestamped updates, kept outside the versioned article
 * (collections `live-updates` and `live-coverages`), so that posting, correcting or closing
 * never re-publishes the article nor makes an article version. This module is the part every
 * layer shares: the kinds and bounds, what a reader receives of one update, the one renderer of
 * an update's HTML (the page renders it, the JSON carries it for the page's poller) and the
 * poller itself, a plain script of a few hundred bytes.
 */

export const LIVE_KINDS = ['text', 'image', 'quote', 'link'] as const
export type LiveKind = (typeof LIVE_KINDS)[number]

export const LIVE_STATUSES = ['live', 'ended'] as const
export type LiveStatus = (typeof LIVE_STATUSES)[number]

export const LIVE_LIMITS = {
  /** an update's text, a quote, a caption or a link's summary */
  text: 1000,
  headline: 140,
  attribution: 200,
  linkTitle: 200,
  url: 2000,
  /** the most updates one coverage holds (a refusal beyond) */
  perCoverage: 1000,
  /** the most updates the page shows (newest first) */
  page: 200,
  /** the most updates the JSON carries (newest first) */
  json: 50,
} as const

/** How often the page asks for new updates (the proxy keeps the JSON for one second). */
export const LIVE_POLL_MS = 4000

/** An image of an update as a reader receives it. */
export type LiveImage = { url: string; width: number; height: number; alt: string }

/** One update as a reader receives it (the page, the JSON). */
export type PublicLiveUpdate = {
  id: number
  kind: LiveKind
  postedAt: string
  updatedAt: string
  pinned: boolean
  headline: string | null
  text: string | null
  image: LiveImage | null
  attribution: string | null
  url: string | null
  linkTitle: string | null
}

export type PublicLiveCoverage = {
  status: LiveStatus
  startedAt: string
  endedAt: string | null
  /** newest first, at most the limit the read was asked for */
  updates: PublicLiveUpdate[]
}

const timeFormats = new Map<string, Intl.DateTimeFormat>()

/** An update's time as readers of `language` write it (UTC, named, so server and client agree). */
export const formatLiveTime = (language: string, iso: string) => {
  let format = timeFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'az' ? 'az-Latn-AZ' : language, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    })
    timeFormats.set(language, format)
  }
  return format.format(new Date(iso))
}

/** The words an update's HTML needs, in the page's language. */
export type LiveUpdateWords = { key: string }

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('')

/**
 * The inside of one update's `<li>`: its time, a "key update" mark, the headline, then by kind
 * the text, the image and its caption, the quote and who said it, or the link. Every value is
 * escaped here and a link is rendered only when `safeHref` accepts it: this is the one place an
 * update becomes HTML (the page and the poller both insert what it returns).
 */
export const liveUpdateHtml = (
  update: PublicLiveUpdate,
  language: string,
  words: LiveUpdateWords,
): string => {
  const parts = [
    `<p class="live-update-meta"><time datetime="${escapeHtml(update.postedAt)}">${escapeHtml(
      formatLiveTime(language, update.postedAt),
    )}</time>${update.pinned ? ` <span class="live-key">${escapeHtml(words.key)}</span>` : ''}</p>`,
  ]
  if (update.headline)
    parts.push(`<h3 class="live-update-headline">${escapeHtml(update.headline)}</h3>`)
  if (update.kind === 'quote' && update.text) {
    parts.push(
      `<blockquote class="live-quote">${paragraphs(update.text)}${
        update.attribution ? `<footer>— ${escapeHtml(update.attribution)}</footer>` : ''
      }</blockquote>`,
    )
  } else if (update.kind === 'image' && update.image) {
    const { url, width, height, alt } = update.image
    const src = safeHref(url)
    parts.push(
      `<figure class="live-image">${
        src
          ? `<img src="${escapeHtml(src)}" width="${width}" height="${height}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async">`
          : ''
      }${update.text ? `<figcaption>${escapeHtml(update.text)}</figcaption>` : ''}</figure>`,
    )
  } else if (update.kind === 'link') {
    const href = safeHref(update.url)
    const title = escapeHtml(update.linkTitle || update.url || '')
    parts.push(
      `<p class="live-link">${
        href ? `<a href="${escapeHtml(href)}" rel="noopener nofollow">${title}</a>` : title
      }</p>`,
    )
    if (update.text) parts.push(paragraphs(update.text))
  } else if (update.text) {
    parts.push(paragraphs(update.text))
  }
  return parts.join('')
}

/** What the live JSON answers (`/{lang}/articles/{slug}/live.json`). */
export type LiveJson = {
  status: LiveStatus
  startedAt: string
  endedAt: string | null
  /** "Live coverage ended at …" in the page's language, once ended */
  endedText: string | null
  /** how many updates at most `updates` holds: fewer means these are all of them */
  limit: number
  updates: (PublicLiveUpdate & { html: string })[]
}

/**
 * The page's poller, inlined in the live section (no cookies, no framework): every
 * `data-every` ms while the tab is visible it fetches `data-src` (cached a second at the
 * proxy; never from the browser's own cache, which would answer one poll behind), adds new updates in time order, replaces corrected ones, drops deleted ones and, when
 * the coverage has ended, removes the "Live" marks, shows the end line and stops.
 */
export const LIVE_POLL_SCRIPT = `(function(){var r=document.getElementById('live');if(!r)return;var l=r.querySelector('ol'),s=r.getAttribute('data-src'),e=+r.getAttribute('data-every')||4000;
function a(d){var seen={},u=d.updates,i,j,n,li;for(i=0;i<u.length;i++){n=u[i];seen[n.id]=1;li=l.querySelector('[data-id="'+n.id+'"]');
if(li){if(li.getAttribute('data-v')!==n.updatedAt){li.innerHTML=n.html;li.setAttribute('data-v',n.updatedAt);li.setAttribute('data-t',n.postedAt)}continue}
li=document.createElement('li');li.className='live-update';li.id='live-update-'+n.id;li.setAttribute('data-id',n.id);li.setAttribute('data-v',n.updatedAt);li.setAttribute('data-t',n.postedAt);li.innerHTML=n.html;
var c=l.children,b=null;for(j=0;j<c.length;j++){if(c[j].getAttribute('data-t')<n.postedAt){b=c[j];break}}l.insertBefore(li,b)}
var o=u.length?u[u.length-1].postedAt:'';var all=u.length<d.limit,k=[].slice.call(l.children);for(i=0;i<k.length;i++){if(!seen[k[i].getAttribute('data-id')]&&(all||k[i].getAttribute('data-t')>=o))l.removeChild(k[i])}
var m=r.querySelector('.live-empty');if(m)m.hidden=l.children.length>0;
if(d.status==='ended'){[].forEach.call(document.querySelectorAll('[data-live-badge]'),function(x){x.parentNode.removeChild(x)});var t=r.querySelector('.live-ended');if(t){t.textContent=d.endedText||'';t.hidden=false}r.setAttribute('data-status','ended');return true}}
function p(){if(document.hidden){setTimeout(p,e);return}fetch(s,{credentials:'omit',cache:'no-store'}).then(function(x){return x.ok?x.json():null}).then(function(d){if(!(d&&a(d)))setTimeout(p,e)},function(){setTimeout(p,e)})}
if(r.getAttribute('data-status')==='live')setTimeout(p,e)})()`

/** The live JSON of an article page (beside `urls.article`, which it extends). */
export const liveJsonPath = (language: string, slug: string) =>
  `/${language}/articles/${encodeURIComponent(slug)}/live.json`

/** A relationship value's id as REST, GraphQL and the Local API send it ("12", 12, { id: 12 }). */
export const liveIdOf = (value: unknown): number | null => {
  const raw = value && typeof value === 'object' && 'id' in value ? value.id : value
  const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null
}
