import { getImageProps, type ImageProps } from 'next/image'
import { preload } from 'react-dom'

/**
 * The markup of `next/image` (srcset through Next's image optimizer, width and height, lazy
 * loading, `sizes`), rendered on the server only. `next/image` itself is a client component:
 * it ships its code to every page and hydrates each image, for behaviour (blur placeholders,
 * load callbacks) this site does not use. `priority` preloads the image in the page's head with
 * a high fetch priority, as `next/image` does.
 */
export function Img({ priority = false, ...rest }: Omit<ImageProps, 'preload' | 'loading'>) {
  const { props } = getImageProps({ ...rest, priority })
  if (priority) {
    preload(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: 'high',
    })
  }
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- alt is in props
  return <img {...props} fetchPriority={priority ? 'high' : undefined} />
}
