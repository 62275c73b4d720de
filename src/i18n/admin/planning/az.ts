import type { Shape } from '../dictionary'
import type { planningEn } from './en'

/** Azerbaijani: the same keys as English (planning/en.ts). */
export const planningAz: Shape<typeof planningEn> = {
  plannedAt: 'Planlaşdırılan tarix',
  plannedAtDescription:
    'Redaksiyanın onu nə vaxt vermək istədiyi: təqvimdə plandır, dərc deyil. Yalnız dərcin planlaşdırılması onu dərc edir.',
  title: 'Planlama',
  intro:
    'Dərcə planlaşdırılmış və planlaşdırılan qaralamalar günlər üzrə, redaksiyanın saat qurşağında ({{timeZone}}). Materialı başqa günə sürükləyin və ya “Köçür…” düyməsindən istifadə edin: günün saatı dəyişmir.',
  week: 'Həftə',
  month: 'Ay',
  previous: 'Əvvəlki',
  next: 'Növbəti',
  today: 'Bu gün',
  section: 'Bölmə',
  language: 'Dil',
  assignee: 'İcraçı',
  anySection: 'Bütün bölmələr',
  anyLanguage: 'Bütün dillər',
  anyone: 'Hamı',
  clear: 'Filtrləri sıfırla',
  kindScheduled: 'Dərc planı',
  kindPlanned: 'Planlaşdırılıb',
  nobody: 'Təyin edilməyib',
  untitled: 'Adsız',
  nothing: 'Heç nə yoxdur',
  moveTo: 'Köçür…',
  moveToDay: '“{{title}}” materialını başqa günə köçürün',
  move: 'Köçür',
  cancel: 'Ləğv et',
  moving: 'Köçürülür…',
  moved: '“{{title}}” {{day}} tarixinə köçürüldü.',
  notMovable: 'Bu materialı köçürə bilməzsiniz.',
  failed: 'Sorğu alınmadı. Yenidən cəhd edin.',
  more: 'Təqvimdə göstəriləndən çox material var: {{total}} materialdan {{count}} göstərilir. Filtrləri daraldın.',
  weekOf: '{{day}} həftəsi',
}
