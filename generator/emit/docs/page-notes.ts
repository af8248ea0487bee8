import type { IrOperation } from '../../ir/types.js'
import { cell, markdownLink } from './markdown-text.js'

/** GitHub-style alert kinds VitePress renders, by the docs' notice status. */
const ALERTS: Record<string, string> = { important: 'IMPORTANT', tip: 'TIP', note: 'NOTE', warning: 'WARNING', danger: 'CAUTION', caution: 'CAUTION' }

/**
 * The docs' notes of an operation as the page shows them: each notice (`[!IMPORTANT]` quotes, `{.im-deprecated}`
 * admonitions …) as an alert with its links, and a webhook's variants as a list whose items carry the anchors the
 * catalogue links to (`#BASIC`). In `v-pre`, so that `{{ … }}` in the docs' text stays text.
 */
export function pageNotes(op: IrOperation): string {
  const parts: string[] = []
  for (const notice of op.notices) {
    const links = notice.links.map((l) => ` ${markdownLink(l.label, l.url)}`).join('')
    parts.push(`> [!${ALERTS[notice.status] ?? 'WARNING'}]\n> ${cell(notice.text)}${links}`)
  }
  if (op.kind === 'webhook' && op.variants.length > 0) {
    parts.push(op.variants.map((v) => `- ${cell(v.label)} {${v.url}}`).join('\n'))
  }
  return parts.length === 0 ? '' : ['<div v-pre>', ...parts, '</div>'].join('\n\n')
}
