/**
 * What `parse/` reads from one page: blocks recognised, rows split, but no nesting or meaning yet.
 * `ir/` turns it into operations.
 */
import type { HttpMethod, IrExample, IrLink, IrNotice } from '../ir/types.js'
import type { Place } from '../diagnostics/report.js'
import type { CatalogueModel } from './catalogue-model.js'

export interface PageModel {
  /** Path relative to the docs root, with `/` separators. */
  path: string
  role: 'operations' | 'redirect' | 'catalogue' | 'empty'
  title: string | null
  redirect?: string
  sections: SectionModel[]
  /** `1. text {#ANCHOR}` footnotes naming webhook variants. */
  variants: IrLink[]
  /** The tables of a catalogue page (role `catalogue`). */
  catalogue?: CatalogueModel
}

/** One method heading and everything under it up to the next. */
export interface SectionModel {
  method: HttpMethod
  title: string
  description: string | null
  place: Place
  links: IrLink[]
  notices: IrNotice[]
  request: TableModel | null
  response: TableModel | null
  examples: ExampleModel[]
}

export type TableKind = '请求参数' | '返回字典' | '应答规范' | '异常字典'

export interface TableModel {
  kind: TableKind
  rows: RowModel[]
  place: Place
}

export type RowModel = FieldRow | LineRow | NoteRow

export interface FieldRow {
  kind: 'field'
  name: string
  /** `data-indent`, 0 when absent. */
  indent: number
  required: boolean
  /** The type cell without its attributes, e.g. `object[]` or `` `true` ``. */
  type: string
  attributes: Record<string, string>
  /** The description cell as written (markdown), `null` when the row has no third cell. */
  description: string | null
  /** The description as plain text (`<br/>` as newlines, markup dropped). */
  descriptionText: string
  place: Place
  typePlace: Place
  descriptionPlace: Place
}

/** `| {colspan=3 .im-table-line}`: a payload opener or a variant separator, decided by `ir/`. */
export interface LineRow {
  kind: 'line'
  place: Place
}

/** `| 空字符串(无返回内容) {align=center colspan=3}`: the body is not a structure. */
export interface NoteRow {
  kind: 'note'
  text: string
  place: Place
}

/** One PHP fence of a code group. */
export interface ExampleModel {
  label: string
  /** `sdk` for the six SDK variants, `fragment` for tabs after a `::: tip`, `other` for the rest. */
  group: 'sdk' | 'fragment' | 'other'
  /** The call the example makes, when it is an SDK call. */
  call?: { uri: string; method: string; style: 'chain' | 'declarative' | 'property' }
  /** The argument array of the call, or the fragment's keys. */
  argument?: IrExample
  /** Where a `[处理程序]` webhook handler stores the decrypted resource: `['resource', 'original_data']`. */
  decryptedAt?: string[]
  /** `getStatusCode() === N` in the printed result. */
  statusCode?: number
  /** The fence's language and text, as written. */
  lang: string
  code: string
  place: Place
}
