/** Dates as readers of each language write them, in UTC so server and client agree. */
const formats = new Map<string, Intl.DateTimeFormat>()

const intlLocale = (language: string) => (language === 'az' ? 'az-Latn-AZ' : language)

export const formatDate = (language: string, iso: string) => {
  let format = formats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' })
    formats.set(language, format)
  }
  return format.format(new Date(iso))
}
