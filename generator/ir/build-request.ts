import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { TableModel } from '../parse/page-model.js'
import { buildField } from './build-field.js'
import { nestRows } from './nest-rows.js'
import type { PageAddress } from './page-address.js'
import { walkFields } from './walk-fields.js'
import type { IrField, IrRequest, IrRoot, IrRootRole } from './types.js'

const ROLES = new Set<IrRootRole>(['json', 'xml', 'query', 'headers', 'body', 'base_uri', 'security', 'nonceless', 'fragment', 'timeout'])

/** The request table's top-level rows, each classified by what the runtime does with it. */
export function buildRequest(file: VFile, table: TableModel | null, address: PageAddress, path: string, place: { line: number; column: number }): IrRequest {
  const at = table?.place ?? place
  const request: IrRequest = { kind: 'request', roots: [], source: { file: path, ...at } }
  if (!table) return request
  if (table.rows.length === 0) report(file, 'empty-table', 'Empty request table: the operation takes no parameters', table.place)
  const segments = address.kind === 'endpoint' ? address.segments.filter((s) => s.kind !== 'literal' && s.name !== 'empty') : []
  const webhook = address.kind === 'webhook'

  for (const node of nestRows(file, table.rows)) {
    const name = node.row.name
    const multipart = !webhook && name === 'body'
    for (const field of buildField(file, node, { multipart, path })) {
      const root: IrRoot = { kind: 'root', role: 'other', field }
      if (ROLES.has(field.name as IrRootRole) && (!webhook || field.name === 'headers' || field.name === 'body')) {
        root.role = field.name as IrRootRole
      } else if (segments.some((s) => s.name === field.name)) root.role = 'path'
      if (root.role === 'base_uri') {
        // The description is plain text by now: take the URL's own characters, not the note after it.
        const url = /(https?:\/\/[\w.\-/:%?=&#~]+)/.exec(field.description)
        if (url) root.value = url[1]!
      }
      request.roots.push(root)
    }
  }
  matchPathParameters(file, request, segments.map((s) => s.name), table)
  for (const root of request.roots) {
    if (root.role === 'other') report(file, 'unknown-root', `Unexpected top-level request row \`${root.field.name}\`, expected a root (json, xml, query, headers, body, …) or a path parameter`, root.field.source)
  }
  checkSerial(file, request)
  return request
}

/** A16: every `{x}` segment should have a row; a lone unmatched string row next to a lone undocumented segment is its misnamed row. */
function matchPathParameters(file: VFile, request: IrRequest, names: string[], table: TableModel): void {
  const missing = names.filter((n) => !request.roots.some((r) => r.role === 'path' && r.field.name === n))
  const candidates = request.roots.filter((r) => r.role === 'other' && r.field.type.kind === 'scalar' && r.field.required)
  if (missing.length === 1 && candidates.length === 1) {
    const root = candidates[0]!
    root.role = 'path'
    root.value = missing[0]!
    report(file, 'path-parameter-misnamed', `Unexpected path parameter row \`${root.field.name}\`, expected \`${missing[0]}\` as in the URI; read as \`{${missing[0]}}\``, root.field.source)
    return
  }
  for (const name of missing) {
    report(file, 'path-parameter-undocumented', `Unexpected URI segment \`{${name}}\` without a request row, expected a required \`${name}\` row`, table.place)
  }
}

/** A23: fields encrypted with the platform public key need the `Wechatpay-Serial` header to name that key. */
function checkSerial(file: VFile, request: IrRequest): void {
  const encrypted: IrField[] = []
  const bodies = request.roots.filter((r) => r.role === 'json' || r.role === 'body').map((r) => r.field)
  walkFields(bodies, (f) => f.encryption === 'rsa-pubkey' && encrypted.push(f))
  if (encrypted.length === 0) return
  const headers = request.roots.find((r) => r.role === 'headers')?.field
  const serial = headers?.type.kind === 'object' && headers.type.fields.some((f) => f.name.toLowerCase() === 'wechatpay-serial')
  if (!serial) {
    report(file, 'encrypted-without-serial', `Unexpected encrypted field \`${encrypted[0]!.name}\` without a \`Wechatpay-Serial\` header row, expected \`headers.Wechatpay-Serial\``, encrypted[0]!.source)
  }
}
