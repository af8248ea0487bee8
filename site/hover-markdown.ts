// The JSDoc of a hovered name, rendered as Markdown in the site's popups, as editors render it: the declarations link
// their official page as `[官方文档](…)` and name code in backticks. Twoslash's rich renderer passes the text through
// untouched unless given these.
import type { Element, ElementContent } from 'hast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toHast } from 'mdast-util-to-hast'
import { visit } from 'unist-util-visit'

/** The docs of a hover as HTML elements. Raw HTML is dropped; a link other than http(s) keeps only its text. */
export function renderHoverMarkdown(markdown: string): ElementContent[] {
  const tree = toHast(fromMarkdown(markdown))
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || parent === undefined || index === undefined) return undefined
    const href = String(node.properties.href ?? '')
    if (!/^https?:\/\//i.test(href)) {
      parent.children.splice(index, 1, ...node.children)
      return index
    }
    node.properties = { href, target: '_blank', rel: ['noreferrer'] }
    return undefined
  })
  return tree.type === 'root' ? (tree.children as ElementContent[]) : [tree as ElementContent]
}

/** A tag's text (`@param`, `@deprecated`) without the paragraph around it. */
export function renderHoverMarkdownInline(markdown: string): ElementContent[] {
  const children = renderHoverMarkdown(markdown)
  const only = children.length === 1 ? children[0] : undefined
  return only?.type === 'element' && only.tagName === 'p' ? only.children : children
}
