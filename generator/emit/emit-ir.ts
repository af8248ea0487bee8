import { IR_VERSION } from '../ir/ir-version.js'
import type { IrNavigation, IrOperation, IrPage } from '../ir/types.js'
import { generatedBy } from './header.js'

/**
 * A page or an operation as it stands in `ir.json`'s arrays: pretty JSON, indented to its depth. Pages make their
 * entries once, so a run that takes most pages from the cache joins text instead of serializing the whole IR.
 */
export function irEntry(value: IrPage | IrOperation): string {
  return `    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`
}

/**
 * `ir.json` from the UTF-8 entries of its pages and operations, and the navigation: the document as stable, pretty
 * JSON, the same text as `JSON.stringify(document, null, 2)`. JSON has no comments, so the header is a `$comment` key.
 */
export function emitIr(pages: Uint8Array[], operations: Uint8Array[], navigation: IrNavigation): Buffer {
  const comment = generatedBy()
  const parts: Uint8Array[] = []
  const text = (value: string) => parts.push(Buffer.from(value))
  const list = (entries: Uint8Array[]) => {
    if (entries.length === 0) return text('[]')
    entries.forEach((entry, i) => {
      text(i === 0 ? '[\n' : ',\n')
      parts.push(entry)
    })
    text('\n  ]')
  }
  text(`{\n  "$comment": ${JSON.stringify(comment)},\n  "kind": "document",\n  "irVersion": ${IR_VERSION},\n  "pages": `)
  list(pages)
  text(',\n  "operations": ')
  list(operations)
  text(`,\n  "navigation": ${JSON.stringify(navigation, null, 2).replaceAll('\n', '\n  ')}`)
  text('\n}\n')
  return Buffer.concat(parts)
}
