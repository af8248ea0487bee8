import { stringify } from 'yaml'
import type { IrOperation, IrPage } from '../../ir/types.js'
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
    const tables = parameterTables(op)
    if (tables) parts.push(tables.trimEnd())
  }
  return `${parts.join('\n\n')}\n`
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
