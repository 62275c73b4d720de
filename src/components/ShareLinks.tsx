/** Share links that need no script: each network's own share URL, and e-mail. */
export function ShareLinks({
  url,
  title,
  labels,
}: {
  url: string
  title: string
  labels: { share: string; shareOn: (network: string) => string; email: string }
}) {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  const links = [
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://twitter.com/intent/tweet?url=${u}&text=${t}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${t}%20${u}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ]
  return (
    <div className="share">
      <h2 className="share-title">{labels.share}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.name}>
            <a
              href={link.href}
              rel="noopener noreferrer"
              target="_blank"
              title={labels.shareOn(link.name)}
            >
              {link.name}
            </a>
          </li>
        ))}
        <li>
          <a href={`mailto:?subject=${t}&body=${u}`} title={labels.email}>
            Email
          </a>
        </li>
      </ul>
    </div>
  )
}
