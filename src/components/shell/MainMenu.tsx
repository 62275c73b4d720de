import { getTranslations } from 'next-intl/server'

import { MenuToggle } from '@/components/MenuToggle'
import type { MenuLink } from '@/data/site'
import type { Language } from '@/lib/languages'

/** The header menu from the navigation global, with its submenus, and the small screens' toggle. */
export async function MainMenu({ lang, menu }: { lang: Language; menu: MenuLink[] }) {
  const t = await getTranslations({ locale: lang })
  return (
    <div className="menubar">
      <div className="container">
        <MenuToggle controls="main-menu" label={t('site.menu')} />
        <nav id="main-menu" className="main-menu" aria-label={t('site.mainMenu')}>
          <ul>
            {menu.map((item) => (
              <li key={item.href} className={item.children.length ? 'has-children' : undefined}>
                <a href={item.href}>{item.label}</a>
                {item.children.length > 0 && (
                  <ul className="submenu">
                    {item.children.map((child) => (
                      <li key={child.href}>
                        <a href={child.href}>{child.label}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  )
}
