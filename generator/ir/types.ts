/**
 * The intermediate representation: plain JSON-serialisable data, the contract between `parse/` and `emit/`.
 * Every node carries a `kind` discriminant and the place in the docs it came from.
 */

/** Where a node was read: the page path relative to the docs root, 1-based line and column. */
export interface IrSource {
  file: string
  line: number
  column: number
}

import type { IrNavigation } from './navigation-types.js'

export type * from './navigation-types.js'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

export interface IrDocument {
  kind: 'document'
  /** Bumped when the IR shape changes, so caches and consumers can tell. */
  irVersion: number
  pages: IrPage[]
  operations: IrOperation[]
  /** The catalogues' navigation and the redirects: made across pages, so in a docs folder's IR, not a page's. */
  navigation?: IrNavigation
}

/** One markdown file and what became of it. */
export interface IrPage {
  kind: 'page'
  source: IrSource
  /** `operations` for pages that define operations; the others are recognised and skipped. */
  role: 'operations' | 'redirect' | 'catalogue' | 'empty'
  title: string | null
  /** Ids of the operations this page defines, in page order. */
  operations: string[]
  /** Target of a redirect stub, e.g. `/webhook/v3/BRAND_MEMBER_CARD_SP.USER_CARD.CREATE`. */
  redirect?: string
}

export type IrOperation = IrEndpoint | IrWebhook

interface IrOperationBase {
  /** `v3/pay/transactions/jsapi#post`, or `webhook/v3/REFUND.SUCCESS#post` for events. */
  id: string
  protocol: 'v2' | 'v3'
  method: HttpMethod
  title: string
  description: string
  /** The official documentation links of the `参阅` line. */
  links: IrLink[]
  /** Status admonitions (`.im-deprecated` ...) and `[!IMPORTANT]` quotes. */
  notices: IrNotice[]
  request: IrRequest
  response: IrResponse
  source: IrSource
}

/** An HTTP API call: one (URI, method) pair. */
export interface IrEndpoint extends IrOperationBase {
  kind: 'endpoint'
  /** SDK URI, e.g. `v3/pay/transactions/out-trade-no/{out_trade_no}`. */
  uri: string
  segments: IrSegment[]
}

/** A notification WeChat Pay posts to the merchant; keyed by the file stem. */
export interface IrWebhook extends IrOperationBase {
  kind: 'webhook'
  event: string
  /** Variant anchors of the footnote list, e.g. `BASIC`, `PARTNER`. */
  variants: IrLink[]
  /** The docs' code samples (the `[处理程序]` handler …), as written. */
  samples: IrCodeSample[]
}

/** A fenced code block of the docs, kept as text. */
export interface IrCodeSample {
  kind: 'sample'
  /** The tab label (`处理程序`), or '' outside a code group. */
  label: string
  /** The fence's language (`php`). */
  lang: string
  code: string
}

export type IrSegment =
  | { kind: 'literal'; name: string }
  | { kind: 'parameter'; name: string }
  /** `{addinstitutionsub}` from a camelCase file name: a placeholder whose value is fixed. */
  | { kind: 'fixed'; name: string; value: string }

export interface IrLink {
  kind: 'link'
  label: string
  url: string
}

export interface IrNotice {
  kind: 'notice'
  /** `deprecated`, `redesigned` ... from `{.im-CLASS}`, or `important` for a GitHub alert quote. */
  status: string
  text: string
  links: IrLink[]
  source: IrSource
}

export interface IrRequest {
  kind: 'request'
  roots: IrRoot[]
  source: IrSource
}

/**
 * A top-level row of the request table, classified by what the runtime does with it.
 * `path` rows fill `{x}` segments; `body` is multipart parts (openapi) or the notification (webhook).
 */
export type IrRootRole =
  | 'json'
  | 'xml'
  | 'query'
  | 'headers'
  | 'body'
  | 'base_uri'
  | 'security'
  | 'nonceless'
  | 'path'
  | 'fragment'
  | 'timeout'
  | 'other'

export interface IrRoot {
  kind: 'root'
  role: IrRootRole
  field: IrField
  /** For `base_uri`: the URL in the description's backticks; for a misnamed `path` row: the `{x}` it fills. */
  value?: string
}

export interface IrResponse {
  kind: 'response'
  /** The table header: `返回字典` (openapi), `应答规范` (webhook ack) or `异常字典`. */
  table: '返回字典' | '应答规范' | '异常字典'
  fields: IrField[]
  /** Set when the body is not a structure: the note row of the table. */
  empty?: IrEmptyBody
  source: IrSource
}

export interface IrEmptyBody {
  kind: 'no-content' | 'redirect' | 'file-stream'
  /** 204 or 202 for `no-content`, read from the example's `getStatusCode() === N`. */
  status?: number
  text: string
}

export interface IrField {
  kind: 'field'
  name: string
  required: boolean
  type: IrType
  /** Plain text: markdown removed, `<br/>` as a newline. */
  description: string
  tooltip?: string
  encryption?: 'rsa-pubkey' | 'aes-gcm' | 'aes-ecb'
  encoding?: 'json_encode' | 'urlencode'
  signed?: 'rsa-privatekey'
  example?: IrExample
  source: IrSource
}

export type IrScalarName = 'string' | 'integer' | 'number' | 'boolean'

export type IrType =
  | IrScalarType
  | { kind: 'true' }
  | IrObjectType
  | IrArrayType
  | IrEncodedType
  | IrOpaqueType

/** An object with no documented members: a multipart file part (stream), or a documentation gap. */
export interface IrOpaqueType {
  kind: 'opaque'
  file: boolean
}

export interface IrScalarType {
  kind: 'scalar'
  name: IrScalarName
  /** `float` in the docs is a number; kept so descriptions stay truthful. */
  written?: string
  enum?: IrEnum
}

export interface IrEnum {
  kind: 'enum'
  values: Array<string | number>
  /** Labels of the `value：label` form, by position. */
  labels?: Array<string | null>
}

export interface IrObjectType {
  kind: 'object'
  fields: IrField[]
  /** Alternative structures separated by line rows (a oneOf); each combines with `fields`. */
  variants?: IrField[][]
}

export interface IrArrayType {
  kind: 'array'
  /** `opaque` for an `object[]` row without members: a list of objects whose keys are undocumented. */
  items: IrScalarType | IrObjectType | IrEncodedType | IrOpaqueType
}

/**
 * A string on the wire whose content is documented structure: json_encode'd, urlencoded or encrypted.
 * Emitters keep the field a string and name the decoded payload type.
 */
export interface IrEncodedType {
  kind: 'encoded'
  via: 'json_encode' | 'urlencode' | 'aes-gcm' | 'aes-ecb' | 'rsa-pubkey' | 'unspecified'
  payload: IrObjectType
  /**
   * `list` when the payload is a bare list and the single child's name is only a label
   * (`sub_order_list → order object[]`), `object` when the children are real keys, `unknown` when neither
   * the table nor an example tells.
   */
  shape: 'object' | 'list' | 'unknown'
  enum?: IrEnum
}

/** An example value from the docs' PHP samples. */
export type IrExample =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'list'; items: IrExample[] }
  | { kind: 'map'; entries: Array<{ key: string; value: IrExample }> }
  /** `\json_encode(...)`, `\urlencode(...)`: a function applied to a literal. */
  | { kind: 'call'; callee: string; args: IrExample[] }
  /** Anything else (`$media->getStream()`, a variable): kept as source text. */
  | { kind: 'expression'; text: string }
