import type { SeedSettings } from './types'

export const settings: SeedSettings = {
  siteName: 'Caspian Digest',
  tagline: {
    en: 'Azerbaijan and its region, every day, in three languages',
    az: 'Azərbaycan və region hər gün, üç dildə',
    ru: 'Азербайджан и регион каждый день на трёх языках',
  },
  about: {
    en: 'Caspian Digest is a daily digest of news and analysis on Azerbaijan and the South Caucasus. Our small team reports on the economy, energy, climate, culture and everyday life, and selects and translates the best work of partner outlets, publishing everything in English, Azerbaijani and Russian.',
    az: 'Caspian Digest Azərbaycan və Cənubi Qafqaz haqqında gündəlik xəbər və təhlil icmalıdır. Kiçik komandamız iqtisadiyyat, enerji, iqlim, mədəniyyət və gündəlik həyat barədə yazır, tərəfdaş nəşrlərin ən yaxşı materiallarını seçib tərcümə edir və hamısını ingilis, Azərbaycan və rus dillərində dərc edir.',
    ru: 'Caspian Digest — ежедневный дайджест новостей и аналитики об Азербайджане и Южном Кавказе. Наша небольшая команда пишет об экономике, энергетике, климате, культуре и повседневной жизни, а также отбирает и переводит лучшие материалы партнёрских изданий, публикуя всё на английском, азербайджанском и русском языках.',
  },
  contactEmail: 'desk@caspiandigest.example',
  social: [
    { platform: 'facebook', url: 'https://example.com/caspiandigest/facebook' },
    { platform: 'x', url: 'https://example.com/caspiandigest/x' },
    { platform: 'instagram', url: 'https://example.com/caspiandigest/instagram' },
    { platform: 'telegram', url: 'https://example.com/caspiandigest/telegram' },
  ],
}
