import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { FieldRow } from '../parse/page-model.js'
import { numberedKey } from './numbered-key.js'
import { buildEnum } from './build-enum.js'
import { membersOf, splitVariants, type RowNode } from './nest-rows.js'
import type { IrEncodedType, IrField, IrObjectType, IrScalarName, IrScalarType, IrType } from './types.js'

const SCALARS: Record<string, IrScalarName> = { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', float: 'number' }
const ENCRYPTION = { 'by-rsa-pubkey': 'rsa-pubkey', 'by-aes-gcm': 'aes-gcm', 'by-aes-ecb': 'aes-ecb' } as const
const ENCODING = { 'by-json_encode': 'json_encode', 'by-urlencode': 'urlencode' } as const

/**
 * Builds one field from a nested row. Returns more than one field only when a scalar has children without a
 * payload line row (A1): they are read as its siblings.
 */
export function buildField(file: VFile, node: RowNode, context: FieldContext): IrField[] {
  const { row } = node
  const field: IrField = {
    kind: 'field',
    name: row.name,
    required: row.required,
    type: { kind: 'scalar', name: 'string' },
    description: row.descriptionText,
    source: { file: context.path, line: row.place.line, column: row.place.column },
  }
  readFieldAttributes(file, row, field)
  checkName(file, row)

  const written = row.type.replace(/\s+/g, '')
  const array = written.endsWith('[]')
  const base = array ? written.slice(0, -2) : written
  const hasChildren = membersOf(node.children).length > 0
  const extra: IrField[] = []

  if (written === '`true`') field.type = { kind: 'true' }
  else if (base === 'object') {
    if (hasChildren) {
      const object = buildObject(file, node.children, context)
      field.type = array ? { kind: 'array', items: object } : object
    } else {
      if (!context.multipart) report(file, 'empty-container', `Unexpected \`${row.type}\` \`${row.name}\` without members, expected rows at indent ${node.indent + 1}`, row.typePlace)
      // An `object[]` stays a list: of objects whose keys the docs do not give.
      field.type = array ? { kind: 'array', items: { kind: 'opaque', file: false } } : { kind: 'opaque', file: context.multipart }
    }
  } else {
    const name = SCALARS[base]
    if (!name) report(file, 'unknown-type', `Unexpected type \`${row.type}\`, expected one of string, integer, number, boolean, object, object[], string[], integer[], number[], \`true\``, row.typePlace)
    const scalar: IrScalarType = { kind: 'scalar', name: name ?? 'string' }
    if (base === 'float') scalar.written = 'float'
    const values = buildEnum(file, row, array ? `${name ?? 'string'}[]` : (name ?? 'string'))
    if (values) scalar.enum = values
    let type: IrType = scalar
    if (hasChildren && node.opened && !array) type = buildEncoded(file, node, field, context, scalar)
    else if (hasChildren) {
      report(file, 'scalar-with-children', `Unexpected rows under \`${row.type}\` \`${row.name}\` without a payload line row, expected an object; read as its siblings`, row.place)
      extra.push(...buildFields(file, membersOf(node.children), context))
    }
    field.type = array && type.kind === 'scalar' ? { kind: 'array', items: type } : type
  }
  return [field, ...extra]
}

function buildObject(file: VFile, children: RowNode['children'], context: FieldContext): IrObjectType {
  relocatePayload(file, children)
  const { common, variants } = splitVariants(children)
  const object: IrObjectType = { kind: 'object', fields: buildFields(file, common, context) }
  if (variants.length > 0) object.variants = variants.map((group) => buildFields(file, group, context))
  return object
}

function buildEncoded(file: VFile, node: RowNode, field: IrField, context: FieldContext, scalar: IrScalarType): IrEncodedType {
  const via = field.encryption ?? field.encoding ?? 'unspecified'
  if (via === 'unspecified') {
    report(file, 'payload-without-encoding', `Unexpected payload under \`${node.row.name}\` without \`data-encoded\` or \`data-encrypted\`; read as an unspecified encoding`, node.row.typePlace)
  }
  const payload = buildObject(file, node.children, { ...context, multipart: false })
  const only = payload.fields.length === 1 && !payload.variants ? payload.fields[0]! : undefined
  const encoded: IrEncodedType = { kind: 'encoded', via, payload, shape: only?.type.kind === 'array' ? 'unknown' : 'object' }
  if (scalar.enum) encoded.enum = scalar.enum
  return encoded
}

/**
 * A2: the payload line row follows a plain string beside the encrypted field (`original_type` next to
 * `ciphertext`). Move the payload to the encrypted sibling that has none.
 */
function relocatePayload(file: VFile, children: RowNode['children']): void {
  const nodes = membersOf(children)
  for (const node of nodes) {
    if (!node.opened || node.row.attributes['data-encrypted'] || node.row.attributes['data-encoded']) continue
    const target = nodes.find((n) => n !== node && n.row.attributes['data-encrypted'] && n.children.length === 0)
    if (!target) continue
    report(file, 'payload-misplaced', `Unexpected payload under \`${node.row.name}\`, expected it under the encrypted \`${target.row.name}\`; moved there`, node.row.place)
    target.children = node.children
    target.opened = true
    node.children = []
    node.opened = false
  }
}

function readFieldAttributes(file: VFile, row: FieldRow, field: IrField): void {
  const a = row.attributes
  if (a['data-tooltip'] !== undefined) field.tooltip = a['data-tooltip']
  const encrypted = a['data-encrypted']
  if (encrypted !== undefined) {
    if (encrypted in ENCRYPTION) field.encryption = ENCRYPTION[encrypted as keyof typeof ENCRYPTION]
    else report(file, 'attribute-unknown', `Unexpected \`data-encrypted=${encrypted}\`, expected by-rsa-pubkey, by-aes-gcm or by-aes-ecb`, row.typePlace)
  }
  const encoded = a['data-encoded']
  if (encoded !== undefined) {
    if (encoded in ENCODING) field.encoding = ENCODING[encoded as keyof typeof ENCODING]
    else report(file, 'attribute-unknown', `Unexpected \`data-encoded=${encoded}\`, expected by-json_encode or by-urlencode`, row.typePlace)
  }
  if (a['data-signed'] !== undefined) field.signed = 'rsa-privatekey'
}

function checkName(file: VFile, row: FieldRow): void {
  const numbered = numberedKey(row.name)
  if (/\s/.test(row.name)) report(file, 'non-identifier-name', `Unexpected space in field name \`${row.name}\`, expected a key without spaces; kept as written`, row.place)
  else if (numbered) report(file, 'indexed-name', `Indexed placeholder name \`${row.name}\`: the keys ${numbered.template.replaceAll('${number}', '0')}, …, typed as an index signature`, row.place)
  else if (/\$[A-Za-z]/.test(row.name)) report(file, 'placeholder-like-name', `Unexpected \`${row.name}\`: it looks like a numbered placeholder, expected \`$\` and one lowercase letter between underscores (\`coupon_id_$n\`); kept as a literal key`, row.place)
}

/** Builds the IR fields of sibling rows, dropping same-name duplicates with a diagnostic. */
export function buildFields(file: VFile, nodes: RowNode[], context: FieldContext): IrField[] {
  const seen = new Set<string>()
  const fields: IrField[] = []
  for (const node of nodes) {
    if (seen.has(node.row.name)) {
      report(file, 'duplicate-field', `Unexpected second field \`${node.row.name}\` among siblings, expected unique names; the later one is dropped`, node.row.place)
      continue
    }
    seen.add(node.row.name)
    fields.push(...buildField(file, node, context))
  }
  return fields
}

export interface FieldContext {
  /** Childless objects here are file parts (multipart upload), not documentation gaps. */
  multipart: boolean
  path: string
}
