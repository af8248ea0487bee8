import type { MarkdownIt } from './site-settings.js'

/**
 * Inline code may break after a dot: in a parameter table's narrow first column a field path
 * (`resource.ciphertext.refund_id`) then wraps between its members, not inside one (`refund_i|d`). A `<wbr>` adds no
 * character, so copied text stays the path.
 */
export function breakInlineCodeAfterDots(md: MarkdownIt): void {
  const codeInline = md.renderer.rules.code_inline!
  md.renderer.rules.code_inline = (tokens, index, options, env, self) => {
    const html = codeInline(tokens, index, options, env, self)
    // Only the code's text: the opening tag's attributes stay as they are.
    const open = html.indexOf('>') + 1
    return html.slice(0, open) + html.slice(open).replace(/\.(?=\w)/g, '.<wbr>')
  }
}
