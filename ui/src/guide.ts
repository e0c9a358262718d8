// The clerks' quick-start guide (docs/guide), shipped inside the app so it opens with no
// network: its Markdown and the README's screenshots are bundled at build time.
import { marked } from 'marked'
import source from '../../docs/guide/quick-start.zh-CN.md?raw'

// Not the pictures of the guide and of 关于 themselves, which the guide does not show.
const pictures = import.meta.glob(['../../docs/screenshots/*.png', '!**/help.png', '!**/about.png'], {
  eager: true,
  query: '?url',
  import: 'default',
}) as Record<string, string>

/** The guide as HTML, its pictures pointing at the bundled copies. */
export function guideHtml(): string {
  const html = marked.parse(source, { async: false })
  return html.replace(/src="\.\.\/screenshots\/([^"]+)"/g, (whole, file: string) => {
    const url = pictures[`../../docs/screenshots/${file}`]
    return url ? `src="${url}"` : whole
  })
}
