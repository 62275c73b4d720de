import type { Shape } from '../dictionary'
import type { messagesEn } from './en'

/** Azerbaijani: the same keys as English (messages/en.ts). */
export const messagesAz: Shape<typeof messagesEn> = {
  languages: {
    en: 'ingilis dili',
    az: 'Azərbaycan dili',
    ru: 'rus dili',
    none: 'heç bir dil',
  },
  server: {
    error: 'Nə isə alınmadı.',
    malformedJson: 'Sorğu düzgün JSON deyil (onun gövdəsi, yaxud "where" və ya "data" parametri).',
    malformedForm: 'Sorğunun gövdəsi düzgün forma deyil (multipart və ya urlencoded).',
  },
  query: {
    parameterNotInteger: '"{{name}}" parametri {{min}}-dən {{max}}-dək tam ədəd olmalıdır.',
    whereNotObject:
      '"where" parametri şərtlərdən ibarət obyekt olmalıdır, məsələn: where[title][equals]=x.',
    whereTooLarge:
      '"where" parametrində şərt çox çoxdur (ən çoxu {{max}}, iç-içə ən çoxu {{depth}} səviyyə).',
    andOrNotList: '"where" daxilində "{{key}}" şərtlər siyahısı olmalıdır.',
    conditionNotObject:
      '"{{path}}" üzrə şərt operator və dəyərdən ibarət olmalıdır, məsələn: where[{{path}}][equals]=x.',
    unknownOperator:
      '"{{operator}}" operator deyil ("{{path}}" üzrə). Bunlardan birini seçin: {{operators}}.',
    valueIsObject: '"{{path}}" üzrə "{{operator}}" obyekt deyil, dəyər almalıdır.',
    tooManyValues: '"{{path}}" üzrə "{{operator}}" ən çoxu {{max}} dəyər qəbul edir.',
    notAnId:
      '"{{value}}" identifikator deyil ("{{path}}" üzrə): identifikatorlar 1-dən {{max}}-dək tam ədədlərdir.',
    notANumber: '"{{value}}" ədəd deyil ("{{path}}" üzrə).',
    notAChoice: '"{{value}}" "{{path}}" sahəsinin seçimlərindən deyil: {{choices}}.',
    textMatchOnStructured:
      '"{{operator}}" "{{path}}" sahəsində işlədilə bilməz: bu, {{type}} sahəsidir.',
    geoOnNonPoint: '"{{operator}}" yalnız nöqtə sahələrində işləyir, "{{path}}" isə belə deyil.',
    nulInValue: '"{{path}}" üzrə "{{operator}}" dəyərində NUL simvolu olmamalıdır.',
    nulInFieldName: '"where" daxilindəki sahə adında NUL simvolu olmamalıdır.',
    nulInParameter: '"{{name}}" parametrində NUL simvolu olmamalıdır.',
    sortNotFields: '"sort" parametri sahə adları verməlidir, məsələn: sort=-publishedAt,title.',
    selectNotFields: '"select" parametri sahə adları verməlidir, məsələn: select[title]=true.',
    fieldTypes: {
      richText: 'formatlı mətn',
      json: 'JSON',
      blocks: 'bloklar',
      array: 'siyahı',
      group: 'qrup',
      tab: 'vərəq',
      join: 'əlaqə',
      choice: 'seçim',
    },
  },
  ids: {
    notFound: '"{{id}}" identifikatorlu {{name}} yoxdur.',
  },
  access: {
    logIn: 'Əvvəlcə redaksiya sisteminə daxil olun.',
    staffOnly: 'Bunu yalnız redaksiya əməkdaşları edə bilər.',
    notArticleId: '"{{id}}" məqalə identifikatoru deyil.',
    noArticle: '{{id}} identifikatorlu məqalə yoxdur.',
    notText: '"{{field}}" mətn olmalıdır.',
    tooLong: '"{{field}}" ən çoxu {{max}} simvol ola bilər.',
    cannotSort:
      '"{{path}}" üzrə çeşidləmək olmaz: belə sahə yoxdur, yaxud onu oxumağa icazəniz yoxdur.',
    cannotFilter:
      '"{{path}}" üzrə süzgəcləmək olmaz: belə sahə yoxdur, yaxud onu oxumağa icazəniz yoxdur.',
  },
  locks: {
    editing:
      'Bu sənədi hazırda admin paneldə başqa biri redaktə edir. Ondan sənədi bağlamağı xahiş edin və ya redaktəni admin paneldə öz üzərinizə götürün, sonra yenidən yadda saxlayın.',
  },
  workflow: {
    unknownTransition:
      'Naməlum əməliyyat: "{{name}}". {{stage}} mərhələsindən mümkün olanlar: {{allowed}}.',
    notAllowed:
      '{{stage}} mərhələsindəki məqaləyə {{transition}} əməliyyatını tətbiq edə bilməzsiniz. Buradan mümkün olanlar: {{allowed}}.',
    noneForYou: 'sizin üçün heç biri',
    needsNote: '{{transition}} üçün səbəbi izah edən qeyd yazın.',
    needsFutureDate: '{{transition}} üçün gələcək tarix seçin.',
    checklist: '{{transition}} hələ mümkün deyil. Çatışmır: {{items}}.',
    sayWhich: 'Hansı əməliyyatı icra etməyi göstərin: { "transition": "submit" }.',
    logInToMove: 'Məqaləni növbəti mərhələyə keçirmək üçün sistemə daxil olun.',
    notesOnlyYours: 'Qeydləri yalnız üzərində işlədiyiniz məqalələrə əlavə edə bilərsiniz.',
    noteEmpty: 'Qeyd boş ola bilməz.',
    restoreEditorsOnly: 'Əvvəlki versiyanı yalnız redaktorlar bərpa edə bilər.',
    restorePublished:
      'Bu məqalə dərc olunub: versiyanı qaralama kimi bərpa edin, sonra iş axını ilə dərc edin.',
    done: '{{transition}}: icra olundu.',
    noteAdded: 'Qeyd əlavə olundu.',
  },
  checklist: {
    heroImage: 'əsas şəkil',
    heroAlt: 'əsas şəklin alt mətni',
    section: 'bölmə',
    dek: 'lid',
    author: 'ən azı bir müəllif',
  },
  uploads: {
    tooLarge: 'Faylın həcmi: {{size}}. Yüklənən fayl ən çoxu {{max}} ola bilər.',
    notImage: '"{{name}}" saytın qəbul etdiyi şəkil deyil (JPEG, PNG, WebP, AVIF və ya GIF).',
    wrongFormat:
      '"{{name}}" faylının formatı: {{format}}; yalnız JPEG, PNG, WebP, AVIF və GIF şəkilləri qəbul olunur.',
    unknownFormat: 'naməlum',
    tooManyPixels:
      '"{{name}}" {{width}}×{{height}} pikseldir; şəkil ən çoxu {{max}} piksel ola bilər.',
    megabytes: '{{count}} MB',
    fileNameInvalid:
      'Fayl adı sadə ad olmalıdır: idarəetmə simvolları, kəsr xətləri və ".." olmadan.',
    fileNameTooLong: 'Fayl adı çox uzundur (ən çoxu {{max}} bayt).',
    fileNotFound: '"{{name}}" adlı fayl yoxdur.',
  },
  articles: {
    attachElsewhere: 'Dil versiyasını başqa materiala yalnız redaktorlar bağlaya bilər.',
    makeOriginal: 'Dil versiyasını orijinala yalnız redaktorlar çevirə bilər.',
    translatorLanguage:
      'Sizin iş dilləriniz: {{languages}}. Dil versiyasının dilini «{{language}}» olaraq təyin edə bilməzsiniz.',
    translatorOriginal:
      'Tərcüməçilər dil versiyaları üzərində işləyir: bunu orijinalın sizin dillərinizdən birində versiyası kimi əlavə edin.',
    writersOwn: 'Müəlliflər öz məqalələri üzərində işləyir: bu məqalə başqasına aid olardı.',
    slugTaken: 'Ünvan adı "{{slug}}" artıq başqa məqalədə istifadə olunur (dil: {{language}}).',
    slugRequired:
      'Ünvan adı (slug) tələb olunur: başlıq yazın və ya ünvan adını özünüz daxil edin.',
  },
  links: {
    notText: 'Keçid mətn olmalıdır.',
    spaces:
      'Keçiddə boşluq, tab, sətir keçidi, idarəetmə simvolları və tərs kəsr xətti ola bilməz.',
    absolute: 'https://, http:// və ya mailto: ilə başlayan tam keçid daxil edin.',
    absoluteOrPath:
      'https://, http:// və ya mailto: ilə başlayan tam keçid, yaxud saytda bir / ilə başlayan yol daxil edin (məsələn, /en/pages/about).',
    sitePath: 'Saytdakı yol bir / ilə başlayır və başqa sayta apara bilməz.',
  },
  database: {
    busy: 'Redaksiya məşğuldur: eyni anda çox sayda yadda saxlama var. Heç nə yadda saxlanmadı; bir az sonra yenidən cəhd edin.',
    locked:
      'Bu sənədi hazırda başqa biri yadda saxlayır. Heç nə yadda saxlanmadı; bir az sonra yenidən cəhd edin.',
    slow: 'Verilənlər bazası çox gec cavab verdi. Heç nə yadda saxlanmadı; bir az sonra yenidən cəhd edin.',
    gone: 'Verilənlər bazası hazırda əlçatan deyil. Bir az sonra yenidən cəhd edin.',
  },
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
  moderation: {
    editorsOnly: 'Şərhləri yalnız redaktorlar moderasiya edir.',
    noIds: 'Ən azı bir şərh seçin.',
    tooManyIds: 'Bir dəfəyə ən çoxu {{max}} şərh; siz {{count}} şərh seçmisiniz.',
    badIds: 'Şərh nömrələri tam ədəd olmalıdır; "{{ids}}" tam ədəd deyil.',
    unknownIds: '{{ids}} nömrəli şərhlər yoxdur. Heç nə dəyişdirilmədi.',
    badStatus: 'Vəziyyət bunlardan biri olmalıdır: {{statuses}}.',
    parentNotApproved:
      '{{id}} nömrəli şərh {{parentId}} nömrəli şərhə cavabdır, o isə təsdiqlənməyib: əvvəlcə onu təsdiqləyin (və ya ikisini birlikdə). Heç nə dəyişdirilmədi.',
    noComment: '{{id}} nömrəli şərh yoxdur.',
    replyEmpty: 'Əvvəlcə cavabı yazın.',
    replyTooLong: 'Cavab ən çoxu {{max}} simvol ola bilər.',
    replyToHidden:
      '{{id}} nömrəli şərhin vəziyyəti: {{status}}. Redaksiya yalnız dərc etdiyi şərhlərə cavab verir. Heç nə dəyişdirilmədi.',
    moderated: 'Dəyişdirilən şərhlər: {{count}}.',
    replied: 'Cavab dərc olundu.',
  },
  comments: {
    noArticle: 'Burada şərh yazıla biləcək məqalə yoxdur.',
    closed: 'Bu məqaləyə şərhlər bağlanıb.',
    hidden: 'Bu məqaləyə şərh yazmaq mümkün deyil.',
    badParent: 'Cavab verdiyiniz şərh bu məqaləyə aid deyil (və ya dərc olunmayıb).',
    nameMissing: 'Zəhmət olmasa, adınızı yazın.',
    nameTooLong: 'Adınız ən çoxu {{max}} simvol ola bilər.',
    bodyMissing: 'Zəhmət olmasa, şərhinizi yazın.',
    bodyTooLong: 'Şərhiniz ən çoxu {{max}} simvol ola bilər; sizinki {{length}} simvoldur.',
    badEmail: 'Zəhmət olmasa, düzgün e-poçt ünvanı yazın (o, heç vaxt dərc olunmur).',
    badLanguage: 'Naməlum dil.',
    tooManyLinks: 'Şərhdə ən çoxu {{max}} keçid ola bilər.',
    tooFast:
      'Çox tez oldu. Zəhmət olmasa, şərhinizi bir neçə saniyə ərzində yenidən oxuyun və sonra göndərin.',
    formExpired:
      'Bu formanın vaxtı keçib. Zəhmət olmasa, səhifəni yeniləyin və şərhinizi yenidən göndərin.',
    duplicate: 'Siz bu şərhi artıq göndərmisiniz.',
    rateLimited:
      'Qısa müddətdə çox şərh göndərmisiniz. Zəhmət olmasa, {{minutes}} dəqiqədən sonra yenidən cəhd edin.',
    tooLarge: 'Sorğu çox böyükdür.',
    badForm: 'Formanı oxumaq mümkün olmadı. Zəhmət olmasa, səhifəni yeniləyib yenidən cəhd edin.',
    linkInvalid: 'Bu keçid etibarlı deyil. Zəhmət olmasa, onu e-poçtda gəldiyi kimi açın.',
    linkExpired: 'Bu keçidin vaxtı keçib. Şərhinizi yenidən göndərin, sizə yeni keçid gələcək.',
    linkUsed: 'Bu keçiddən artıq istifadə olunub: ünvanınız təsdiqlənib.',
    mailFailed:
      'Təsdiq məktubunu göndərmək mümkün olmadı. Heç nə saxlanılmadı; zəhmət olmasa, bir az sonra yenidən cəhd edin.',
  },
  newsletter: {
    badEmail: 'Düzgün e-poçt ünvanı daxil edin (ən çoxu 254 simvol).',
    badLanguage: 'Bülletenin dilini seçin: {{languages}}.',
    noSections: 'Ən azı bir bölmə və ya bütün bölmələri seçin.',
    badSections: 'Bu bölmələr yoxdur: {{ids}}. Göstərilən bölmələrdən seçin.',
    tooManySections: 'Ən çoxu {{max}} bölmə və ya bütün bölmələri seçin.',
    rejected: 'Abunəniz qəbul edilmədi. Zəhmət olmasa, yenidən cəhd edin.',
    tooMany: 'Abunə sorğuları çox oldu. {{seconds}} saniyədən sonra yenidən cəhd edin.',
    tokenMissing: 'Bu keçiddə təsdiq kodu yoxdur. Məktubdakı keçidi göndərildiyi kimi açın.',
    tokenUnknown:
      'Bu təsdiq keçidi etibarlı deyil. Son məktubdakı keçidi göndərildiyi kimi açın və ya yenidən abunə olun.',
    tokenExpired: 'Bu təsdiq keçidinin vaxtı bitib. Yenidən abunə olun, sizə yeni keçid göndərək.',
    tokenUsed: 'Bu təsdiq keçidindən artıq istifadə olunub: abunəniz təsdiqlənib.',
    linkInvalid:
      'Abunənizə aparan bu keçid etibarlı deyil. Onu bülleten məktublarımızın birindən göndərildiyi kimi açın.',
    onlyUnsubscribe: 'Redaktor abunəçini yalnız “abunədən çıxıb” kimi qeyd edə bilər.',
    badDate: 'Bülletenin tarixini YYYY-MM-DD şəklində yazın.',
    unknownSubscriber: 'Bu abunə artıq mövcud deyil.',
  },
  planning: {
    pastDate:
      'Planlaşdırılan tarix artıq keçmiş günə düşə bilməz (bu gün {{today}}). Bu günü və ya sonrakı günü seçin.',
    notPlannable:
      'Planlaşdırılan tarix yalnız hələ dərcə planlaşdırılmamış və dərc olunmamış məqaləyə verilə bilər; bu məqalə: {{stage}}.',
  },
  live: {
    notLive: 'Bu məqalə canlı yayım deyil. Əvvəlcə canlı yayımı başladın.',
    ended: 'Bu məqalənin canlı yayımı başa çatıb. Yenilik əlavə etmək üçün onu bərpa edin.',
    alreadyLive: 'Bu məqalənin artıq canlı yayımı var.',
    unknownArticle: '{{id}} nömrəli məqalə yoxdur.',
    tooMany: 'Bu canlı yayımda artıq {{max}} yenilik var: bu, mümkün olan ən çox saydır.',
    missing: '"{{kind}}" növlü yenilik üçün bunlar lazımdır: {{fields}}.',
    otherArticle: 'Yenilik öz məqaləsində qalır: onu başqa məqaləyə keçirmək olmaz.',
  },
  breaking: {
    editorsOnly: 'Məqaləni yalnız redaktorlar təcili xəbər kimi qeyd edə bilər.',
    notPublished:
      'Yalnız dərc olunmuş məqalə təcili xəbər kimi qeyd oluna bilər. Əvvəlcə onu dərc edin, sonra qeyd edin.',
    noArticle: '{{id}} nömrəli məqalə yoxdur.',
    alreadyMarked:
      'Bu məqalə artıq təcili xəbər kimi qeyd olunub. Bunun əvəzinə qeydin bitmə vaxtını dəyişin.',
    badExpiry: 'Bitmə vaxtı tarix və saat olmalıdır, məsələn, 2026-11-26T15:00:00Z.',
    expiryPast: 'Bitmə vaxtı gələcəkdə olmalıdır.',
    expiryTooFar: 'Təcili xəbər qeydi ən çoxu {{hours}} saat davam edir.',
    articleFixed: 'Qeyd öz məqaləsinə bağlıdır: onu silin və başqa məqaləni ayrıca qeyd edin.',
  },
  embargo: {
    notBefore:
      'Bu material {{until}} tarixinədək embarqo altındadır: o vaxtadək heç kim onu dərc edə bilməz. Dərci həmin vaxta və ya sonraya planlaşdırın.',
    scheduleBefore:
      'Bu material {{until}} tarixinədək embarqo altındadır: dərci həmin vaxta və ya sonraya planlaşdırın.',
    writersCannotShorten:
      'Embarqonun vaxtını yalnız redaktor irəli çəkə bilər. O, {{until}} tarixinədək qüvvədədir; siz onu daha gec vaxta keçirə bilərsiniz.',
    writersCannotLift:
      'Embarqonu yalnız redaktor götürə bilər. O, {{until}} tarixinədək qüvvədədir.',
    scheduledBefore:
      '“{{title}}” materialının dərci {{scheduledAt}} tarixinə, yəni embarqodan ({{until}}) əvvələ planlaşdırılıb. Əvvəlcə bu planı ləğv edin və ya dərci embarqo vaxtına, yaxud sonraya planlaşdırın.',
    alreadyPublished:
      '“{{title}}” materialı artıq dərc olunub: embarqo yalnız dərcdən əvvəl qoyula bilər.',
    eventSet: 'Embarqo qoyuldu: {{until}} tarixindən əvvəl olmaz.',
    eventMoved: 'Embarqonun vaxtı dəyişdi: {{until}} tarixindən əvvəl olmaz.',
    eventLifted: 'Embarqo götürüldü (vaxtı {{until}} idi).',
  },
  redirects: {
    fromMalformed:
      'Köhnə ünvan bu saytda "/" ilə başlayan yol olmalıdır, məsələn /en/articles/old-title (ən çoxu {{max}} simvol, boşluqsuz).',
    fromReserved:
      'Köhnə ünvan /admin, /api, /next və ya /_next altında ola bilməz: bunlar səhifə deyil.',
    toMalformed:
      'Yeni ünvan bu saytda "/" ilə başlayan yol olmalıdır, məsələn /en/articles/new-title (ən çoxu {{max}} simvol, boşluqsuz).',
    toExternal:
      'Yeni ünvan bu saytda olmalıdır: yönləndirmə oxucuları heç vaxt başqa sayta aparmır.',
    toReserved:
      'Yeni ünvan /admin, /api, /next və ya /_next altında ola bilməz: bunlar səhifə deyil.',
    same: 'Köhnə və yeni ünvan eynidir ({{path}}).',
    loop: 'Bu yönləndirmə dövrə yaradar: {{to}} artıq {{from}} ünvanına qaytarır. Əvvəlcə həmin yönləndirməni dəyişin.',
    liveArticle:
      '{{path}} ünvanında dərc olunmuş məqalə var: yönləndirmə onu gizlədər. Əvvəlcə məqalənin ünvan adını dəyişin və ya onu dərcdən çıxarın.',
    duplicate: '{{path}} ünvanından artıq yönləndirmə var. Onu redaktə edin.',
    toNotLive:
      '{{path}} ünvanında dərc olunmuş məqalə yoxdur. Yönləndirmə məqaləyə yalnız o dərc olunduqdan sonra apara bilər.',
  },
}
