import sharp from 'sharp'

/** A stable hue for any string, so each section's pictures share a palette. */
const hueOf = (value: string) =>
  [...value].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7) % 360

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * An original illustration made with sharp (no downloads): a gradient in the section's colours,
 * a few soft shapes placed by the seed string, and the given label. JPEG, `width`×`height`.
 */
export const generateImage = async ({
  seed,
  palette,
  label,
  width = 1600,
  height = 900,
}: {
  seed: string
  palette: string
  label?: string
  width?: number
  height?: number
}): Promise<Buffer> => {
  const hue = hueOf(palette)
  const shift = hueOf(seed)
  const circles = Array.from({ length: 5 }, (_, i) => {
    const n = (shift * (i + 3)) % 997
    const cx = (n * 7) % width
    const cy = (n * 13) % height
    const r = 80 + ((n * 3) % 260)
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="hsl(${(hue + i * 25) % 360},55%,${55 + i * 6}%)" fill-opacity="0.35"/>`
  }).join('')
  const caption = label
    ? `<text x="64" y="${height - 72}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${Math.round(height / 18)}" fill="#fff" fill-opacity="0.9">${escapeXml(label)}</text>`
    : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,28%)"/>
      <stop offset="1" stop-color="hsl(${(hue + 40) % 360},65%,48%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${circles}${caption}
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer()
}
