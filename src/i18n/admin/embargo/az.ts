import type { Shape } from '../dictionary'
import type { embargoEn } from './en'

/** Azerbaijani: the same keys as English (embargo/en.ts). */
export const embargoAz: Shape<typeof embargoEn> = {
  field: 'Embarqo: bu vaxtdan əvvəl olmaz',
  description:
    'Bu vaxtadək heç kim, redaktorlar da daxil olmaqla, materialı dərc edə bilməz; dərci həmin vaxta və ya sonraya planlaşdırmaq olar. Embarqo materialın bütün dil versiyalarına aiddir. Müəlliflər onu qoya və ya daha gec vaxta keçirə bilər; vaxtı irəli çəkmək və ya embarqonu götürmək yalnız redaktorun işidir.',
  until: 'Embarqo:',
  publishHeld:
    'Dərc embarqo vaxtı çatanda mümkün olacaq; dərci həmin vaxta və ya sonraya planlaşdıra bilərsiniz.',
  kind: 'Embarqo',
}
