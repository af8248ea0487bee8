import type { Link, Nodes } from 'mdast'
import type { IrLink } from '../ir/types.js'

/**
 * Plain text of inline markdown, for descriptions and JSDoc: code spans keep their text, `<br/>` becomes a
 * newline, other HTML (`<Badge/>`, `<a …>`) is dropped but the text between tags is kept.
 */
export function plainText(node: Nodes | Nodes[]): string {
  if (Array.isArray(node)) return node.map(plainText).join('')
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : ''
    case 'break':
      return '\n'
    default:
      return 'children' in node ? plainText(node.children as Nodes[]) : ''
  }
}

/** Does inline markdown hold HTML other than `<br/>`? */
export function hasInlineHtml(nodes: Nodes[]): boolean {
  return nodes.some((n) =>
    n.type === 'html' ? !/^<br\s*\/?>$/i.test(n.value) : 'children' in n && hasInlineHtml(n.children as Nodes[]),
  )
}

/** The links in `node`, each with the line it starts on. */
export function linksOf(node: Nodes): Array<{ line: number; link: IrLink }> {
  const out: Array<{ line: number; link: IrLink }> = []
  const walk = (n: Nodes): void => {
    if (n.type === 'link') {
      const link = n as Link
      out.push({ line: link.position?.start.line ?? 0, link: { kind: 'link', label: plainText(link), url: link.url } })
    } else if ('children' in n) for (const c of n.children as Nodes[]) walk(c)
  }
  walk(node)
  return out
}
