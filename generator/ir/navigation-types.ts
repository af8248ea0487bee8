/**
 * The navigation of the docs, read from their catalogue pages (`openapi/index.md`, `webhook/index.md`) and redirect
 * stubs: plain data with `kind` discriminants and sources, like the rest of the IR.
 */
import type { IrSource } from './types.js'

export interface IrNavigation {
  kind: 'navigation'
  /** One per docs folder with a catalogue page, by folder name. */
  sections: IrNavSection[]
  /** One per redirect stub, by page path. */
  redirects: IrRedirect[]
}

export interface IrNavSection {
  kind: 'nav-section'
  /** The docs folder the catalogue heads: `openapi`, `webhook`. */
  name: string
  /** The catalogue's frontmatter title and description. */
  title: string | null
  description: string | null
  groups: IrNavGroup[]
  source: IrSource
}

/** A business group: a group cell and the rows it spans. */
export interface IrNavGroup {
  kind: 'nav-group'
  /** `分账`, `平台收付通 分账`, `JSON`. */
  label: string
  /** `data-protocol`, else the protocol every link of the group names, else null. */
  protocol: 'v2' | 'v3' | null
  /** The heading the group's table sits under, if any. */
  heading: string | null
  /** The table's name for the group column: `业务标签`, `通知格式`. */
  column: string
  entries: IrNavEntry[]
  source: IrSource
}

/** One link of a row: for the direct mode, the partner mode, or both (`{colspan=2}`). */
export interface IrNavEntry {
  kind: 'nav-entry'
  mode: 'direct' | 'partner' | 'both'
  /** The link text as plain text. */
  title: string
  /** The link text as written (markdown). */
  text: string
  /** Emoji shortcodes after the link: `closed_lock_with_key`, `no_entry_sign`. */
  markers: string[]
  /** The link as written. */
  link: string
  target: IrNavTarget
  source: IrSource
}

export type IrNavTarget = IrNavPage | IrNavUnknown

/** The page a link leads to, after a redirect stub when it led to one. */
export interface IrNavPage {
  kind: 'nav-page'
  /** Page path relative to the docs root: `openapi/v2/pay/micropay.md`. */
  file: string
  /** `post` for `…/orders#post`, `BASIC` for a webhook variant; null without a fragment. */
  anchor: string | null
  /** The operations the link means: the anchor's method, or every operation of the page. */
  operations: string[]
  /** The redirect stub the link named, when it named one. */
  movedFrom: string | null
}

export interface IrNavUnknown {
  kind: 'nav-unknown'
}

/** A redirect stub: its old address leads to its target page. */
export interface IrRedirect {
  kind: 'redirect'
  /** The stub's page path: `openapi/v2/mmpaymkttransfers/query_bank.md`. */
  from: string
  /** The target as the stub writes it: `/openapi/v2/mmpaysptrans/query_bank`. */
  to: string
  /** The target's page path, null when no page of the docs is there. */
  target: string | null
  source: IrSource
}
