import { getTranslations } from 'next-intl/server'

import { BREAKING_POLL_SECONDS, breakingJsonPath } from '@/lib/breaking'
import { escapeHtml } from '@/lib/html'
import type { Language } from '@/lib/languages'

/**
 * Fills the banner from `data-src` on load, again every `data-poll` seconds while the page is
 * visible (and when it becomes visible), and hides each item at its expiry. Plain DOM, no
 * cookies (`credentials: 'omit'`, so a signed-in editor's request is the readers' cached one).
 */
const SCRIPT = `(function(){var b=document.getElementById('breaking-news');if(!b||!window.fetch)return;var l=b.querySelector('ul'),s=b.getAttribute('data-src'),p=Number(b.getAttribute('data-poll'))*1000,t,last=[];function show(items){var now=Date.now();last=items.filter(function(i){return Date.parse(i.expiresAt)>now});l.textContent='';last.forEach(function(i){var li=document.createElement('li'),a=document.createElement('a');a.href=i.url;a.textContent=i.title;li.appendChild(a);l.appendChild(li)});b.hidden=last.length===0;clearTimeout(t);if(last.length){var next=Math.min.apply(null,last.map(function(i){return Date.parse(i.expiresAt)}));t=setTimeout(function(){show(last)},Math.max(0,next-now)+50)}}function load(){if(document.visibilityState==='hidden')return;fetch(s,{credentials:'omit'}).then(function(r){return r.ok?r.json():null}).then(function(j){if(j&&Array.isArray(j.items))show(j.items)}).catch(function(){})}load();setInterval(load,p);document.addEventListener('visibilitychange',load)})()`

/**
 * The breaking-news banner on every public page of a language (src/components/SiteShell.tsx).
 * The page stays the same cached document for every reader: it carries an empty, hidden banner
 * and a tiny script that fills it from `/{lang}/breaking.json` (cached one second at the
 * proxy), so a mark shows on every page within a second and disappears at its expiry without
 * re-rendering any page. A labelled landmark with ordinary links.
 *
 * The banner is plain HTML inside one element React does not reconcile
 * (`dangerouslySetInnerHTML`): the script may fill it before React hydrates the page, and
 * React would otherwise take the filled banner for a mismatch and render it empty again.
 */
export async function BreakingBanner({ lang }: { lang: Language }) {
  const t = await getTranslations({ locale: lang })
  const html =
    `<aside id="breaking-news" class="breaking-banner" aria-label="${escapeHtml(t('breaking.region'))}"` +
    ` data-src="${escapeHtml(breakingJsonPath(lang))}" data-poll="${BREAKING_POLL_SECONDS}" hidden>` +
    '<div class="container breaking-banner__inner">' +
    `<strong class="breaking-banner__label">${escapeHtml(t('breaking.label'))}</strong>` +
    '<ul class="breaking-banner__list" aria-live="polite"></ul></div></aside>'
  return (
    <>
      <div className="breaking-slot" dangerouslySetInnerHTML={{ __html: html }} />
      <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />
    </>
  )
}
