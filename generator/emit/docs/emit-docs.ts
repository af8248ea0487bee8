import { stringify } from 'yaml'
import type { IrLink, IrNotice, IrOperation, IrPage, IrWebhook } from '../../ir/types.js'
import { generatedBy } from '../header.js'
import { markdownText } from './markdown-text.js'
import { printDoc, type Format } from '../types/print-declarations.js'
import { callExample } from './call-example.js'
import { parameterTables } from './parameter-table.js'
import { virtualFile } from './virtual-file.js'
import { webhookExample } from './webhook-example.js'
import { DOCS_INDEX, docsIndexEntry, docsPath, type DocsIndexEntry } from './docs-index.js'

export { DOCS_INDEX, docsIndexEntry, docsPath, type DocsIndexEntry }

/**
 * The twoslash page of one docs page, in the format of seed 000: frontmatter, a heading per operation with its
 * method anchor, the description with the official link, a self-contained ```js twoslash block (virtual.ts, then the
 * example after `// ---cut---`), and the parameter tables. `format` lays out the declarations of each virtual.ts.
 * With the site's pages and data (`emit/site/`), they make the `docs/` target.
 */
export function pageDocsText(page: IrPage, operations: IrOperation[], format: Format = printDoc): string {
  const single = operations.length === 1
  const first = operations[0]!
  const frontmatter = stringify({ title: page.title ?? first.title, description: first.description || null })
  const parts = [`---\n${frontmatter}---`, `<!-- ${generatedBy(page.source.file)} -->`]
  for (const op of operations) {
    const heading = single ? '{{ $frontmatter.title }}' : markdownText(op.title)
    const link = op.links[0] ? ` [官方文档](${op.links[0].url})` : ''
    const description = single ? '{{ $frontmatter.description }}' : markdownText(op.description)
    parts.push(`# ${heading} {#${op.method}}`)
    if (description || link) parts.push(`${description}${link}`.trim())
    parts.push(block(op, format))
    // Every official link of the `参阅` line: the first stands after the description, the others follow the block.
    if (op.links.length > 1) parts.push(`参阅 ${op.links.slice(1).map(linkText).join(' ')}`)
    parts.push(...op.notices.map(noticeText))
    const tables = parameterTables(op)
    if (tables) parts.push(tables.trimEnd())
    if (op.kind === 'webhook') parts.push(...webhookNotes(op))
  }
  return `${parts.join('\n\n')}\n`
}

function linkText(link: IrLink): string {
  return `[${markdownText(link.label).replace(/[[\]]/g, '\\$&')}](${link.url.replace(/[()\s]/g, encodeURIComponent)})`
}

/** The docs' notes as GitHub alerts, which VitePress renders: `> [!IMPORTANT]`, `> [!WARNING]` for a deprecation … */
function noticeText(notice: IrNotice): string {
  const kind = notice.status === 'important' ? 'IMPORTANT' : WARNINGS.has(notice.status) ? 'WARNING' : 'NOTE'
  const lines = markdownText(notice.text).split('\n').filter((line) => line.trim() !== '')
  return ['> [!' + kind + ']', ...lines.map((line) => `> ${line}`)].join('\n')
}

const WARNINGS = new Set(['deprecated', 'discarded', 'redesigned', 'privated', 'special', 'warning', 'danger', 'caution'])

/** A notification's footnotes (which variants carry a field) and the docs' own samples, as written. */
function webhookNotes(op: IrWebhook): string[] {
  const parts: string[] = []
  if (op.variants.length > 0) parts.push(op.variants.map((v, i) => `${i + 1}. ${markdownText(v.label)}`).join('\n'))
  if (op.samples.length > 0) {
    parts.push(`## 官方示例 {#${op.method}-samples}`)
    for (const sample of op.samples) {
      const fence = '`'.repeat(Math.max(3, ...[...sample.code.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)))
      const title = sample.label ? ` [${sample.label}]` : ''
      parts.push(`${fence}${sample.lang}${title}\n${sample.code}\n${fence}`)
    }
  }
  return parts
}

/** The ```js twoslash block: virtual.ts with the declarations and declared values, then business.js. */
function block(op: IrOperation, format: Format): string {
  let virtual: string
  let business: string
  let imports: string[]
  if (op.kind === 'endpoint') {
    const example = callExample(op)
    virtual = virtualFile(op, example.declared.entries, example.aliases, example.client, format)
    imports = ['wxpay', ...example.declared.entries.keys()]
    business = example.code
  } else {
    const example = webhookExample(op)
    virtual = virtualFile(op, example.declared, example.aliases, false, format)
    imports = [...example.declared.keys()]
    business = example.code
  }
  return [
    '```js twoslash',
    '// @filename: virtual.ts',
    virtual.trimEnd(),
    '// @filename: business.js',
    `import { ${imports.join(', ')} } from './virtual'`,
    '// ---cut---',
    business,
    '```',
  ].join('\n')
}
