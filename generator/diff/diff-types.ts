/**
 * What changed between two docs versions: plain data, the shape of `diff --format json`.
 *
 * Field paths are dotted from the request root the runtime reads (`json.amount.total`, `query.mchid`,
 * `headers.Wechatpay-Serial`, `path.out_trade_no`, `security`) or, for replies, from the reply body
 * (`amount.total`). Array items are `[]` (`json.detail.goods_detail[].quantity`), the decoded structure of a
 * json_encode'd, urlencoded or encrypted string is `<decoded>` (`json.scene_info<decoded>.device_id`), the members of
 * the n-th alternative structure (a oneOf) are `<variant n>`. The empty path is the body as a whole.
 */

/** `request` and `response` as the IR names them (for a webhook: the notification, and the acknowledgement). */
export type ChangeSide = 'operation' | 'request' | 'response'

export type ChangeKind =
  | 'added'
  | 'removed'
  | 'required-to-optional'
  | 'optional-to-required'
  | 'type-changed'
  | 'enum-added'
  | 'enum-removed'
  | 'moved'
  /** Notes that change no type: descriptions, titles, notices, and the official-doc links. */
  | 'description'
  | 'links'

export interface FieldChange {
  side: ChangeSide
  path: string
  kind: ChangeKind
  before: string | null
  after: string | null
  /** Whether this change alone breaks an old call, or old code reading the reply (decided from the IR). */
  breaking: boolean
}

export interface OperationRef {
  id: string
  /** The page, relative to its docs folder. */
  file: string
}

export interface ChangedOperation extends OperationRef {
  /** Decided from the IR: some change is breaking. `diff` also proves it with the TypeScript checker. */
  breaking: boolean
  changes: FieldChange[]
}

export interface DocsCount {
  pages: number
  operations: number
}

export interface DiffReport {
  base: DocsCount
  head: DocsCount
  added: OperationRef[]
  removed: OperationRef[]
  changed: ChangedOperation[]
}
