import { COMMENT_ENDPOINTS, COMMENT_FIELDS } from '@/lib/commentForm'
import { FONT_SIZE_COOKIE, FONT_SIZES } from '@/lib/fontSize'

/**
 * The whole client side of the static article page, in place of React and Next's runtime: the
 * text-size buttons (`data-font`: the same cookie and localStorage key as `FontSizeControl`), the
 * small screens' menu button (`data-menu-toggle`, as `MenuToggle`), and a fresh render-time
 * token for the comment forms when the reader starts typing (as `CommentForm`; the forms
 * themselves post without JavaScript). One delegated listener each, about 1 KB.
 */
export const STATIC_PAGE_SCRIPT = `(function(){var d=document,r=d.documentElement,S=${JSON.stringify(FONT_SIZES)},C=${JSON.stringify(FONT_SIZE_COOKIE)};function size(){var i=S.indexOf(r.getAttribute('data-font-size'));return i<0?S.indexOf('md'):i}function paint(){var i=size();d.querySelectorAll('[data-font]').forEach(function(b){var f=b.getAttribute('data-font');if(f==='smaller')b.disabled=i<=0;else if(f==='larger')b.disabled=i>=S.length-1;else b.setAttribute('aria-pressed',String(S[i]==='md'))})}function set(s){r.setAttribute('data-font-size',s);d.cookie=C+'='+s+'; path=/; max-age=31536000; samesite=lax';try{localStorage.setItem(C,s)}catch(e){}paint()}d.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('[data-font],[data-menu-toggle]');if(!b)return;if(b.hasAttribute('data-menu-toggle')){var o=b.getAttribute('aria-expanded')!=='true',m=d.getElementById(b.getAttribute('aria-controls'));b.setAttribute('aria-expanded',String(o));if(m)m.toggleAttribute('data-open',o);return}var i=size(),f=b.getAttribute('data-font');set(f==='smaller'?S[Math.max(0,i-1)]:f==='larger'?S[Math.min(S.length-1,i+1)]:'md')});paint();var fresh=false;d.addEventListener('focusin',function(e){if(fresh||!(e.target.closest&&e.target.closest('.comment-form')))return;fresh=true;fetch(${JSON.stringify(COMMENT_ENDPOINTS.formToken)},{cache:'no-store'}).then(function(x){return x.ok?x.json():null}).then(function(j){if(j&&j.token)d.querySelectorAll('.comment-form input[name=${COMMENT_FIELDS.token}]').forEach(function(i){i.value=j.token})}).catch(function(){})})})()`
