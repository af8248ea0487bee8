/**
 * What `parse/` reads from a catalogue page (`openapi/index.md`, `webhook/index.md`): its tables of business groups
 * and, per row, the link of each mode, as written. `ir/` resolves the links against the pages.
 */
import type { Place } from '../diagnostics/report.js'

export interface CatalogueModel {
  kind: 'catalogue'
  /** Path relative to the docs root, `/` separators. */
  path: string
  title: string | null
  description: string | null
  tables: CatalogueTable[]
}

/** One `| 业务标签 | 直连商户模式 | 合作伙伴模式` table, and the heading it sits under, if any. */
export interface CatalogueTable {
  kind: 'catalogue-table'
  heading: string | null
  /** The header cells: the group column's name, then the two modes. */
  columns: string[]
  groups: CatalogueGroup[]
  place: Place
}

/** A group cell (`分账 {data-protocol=v2 rowspan=10}`) and the rows it spans. */
export interface CatalogueGroup {
  kind: 'catalogue-group'
  /** The label as plain text, `<br/>` read as a space. */
  label: string
  /** `data-protocol`, when given. */
  protocol: string | null
  /** `rowspan`, 1 when absent. */
  rowspan: number
  rows: CatalogueRow[]
  place: Place
}

export interface CatalogueRow {
  kind: 'catalogue-row'
  /** `{colspan=2}`: one link for both modes, in `direct`. */
  both: boolean
  direct: CatalogueLink | null
  partner: CatalogueLink | null
  place: Place
}

/** `[title](/openapi/v2/pay/micropay) :closed_lock_with_key:` */
export interface CatalogueLink {
  kind: 'catalogue-link'
  /** The link text as written (markdown: `~~发放裂变红包~~` stays struck). */
  text: string
  /** The link text as plain text. */
  title: string
  target: string
  /** Emoji shortcodes after the link, without colons: `closed_lock_with_key`, `no_entry_sign`. */
  markers: string[]
  place: Place
}
