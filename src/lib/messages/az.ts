import type { Shape } from '../dictionary'
import type { messagesEn } from './en'

/** Azerbaijani: the same keys as English (messages/en.ts). */
export const messagesAz: Shape<typeof messagesEn> = {
  request: {
    notJson: 'Sorğunun gövdəsi JSON olmalıdır.',
  },
  translations: {
    notAnId: 'translationOf məqalənin id-si olmalıdır.',
    ofItself: 'Məqalə özünün dil versiyası ola bilməz.',
    mayNotAdd:
      'Bu dildə ({{language}}) versiyanı yalnız redaktorlar və bu dildə işləyən tərcüməçilər əlavə edə bilər.',
    noOriginal: 'Tərcümə üçün {{id}} nömrəli məqalə yoxdur.',
    originalIsVersion:
      '{{id}} nömrəli məqalə özü dil versiyasıdır; onun orijinalına ({{originalId}} nömrəli məqalə) bağlayın.',
    sameLanguage: 'Orijinal bu dildədir ({{language}}); dil versiyası başqa dildə olmalıdır.',
    languageTaken:
      'Bu materialın artıq bu dildə ({{language}}) versiyası var ({{id}} nömrəli məqalə, "{{title}}"); onun üzərində işləyin.',
    hasVersions: 'Bu məqalənin öz dil versiyaları var, ona görə də orijinal olaraq qalır.',
    originalGone: 'Bu versiyanın orijinalı ({{id}} nömrəli məqalə) artıq yoxdur.',
    addFromOriginal:
      'Bu, dil versiyasıdır; tərcümələri orijinaldan ({{id}} nömrəli məqalə) əlavə edin.',
    whichLanguage: 'Hansı dili əlavə etdiyinizi göstərin: {{languages}}.',
    onlyEditorsAssign: 'Tərcüməni başqasına yalnız redaktorlar həvalə edə bilər.',
    noSuchUser: '{{id}} nömrəli istifadəçi yoxdur.',
    created: 'Dil versiyası yaradıldı: {{language}}.',
    notAVersion: 'Bu məqalə dil versiyası deyil, orijinaldır.',
    mayNotMarkUpdated:
      'Yenilənmiş kimi yalnız bu dilin tərcüməçiləri və redaktorlar qeyd edə bilər.',
    notUpdatedYet:
      'Orijinal dəyişəndən bəri bu versiyanın mətni dəyişməyib: əvvəlcə onu yeniləyin, sonra yenilənmiş kimi qeyd edin.',
    markedUpdated: 'Orijinala uyğun yenilənmiş kimi qeyd olundu.',
    versionsUnpublished: 'Dərcdən çıxarılan dil versiyaları: {{count}}.',
  },
}
