import { numberedKey } from '../../ir/numbered-key.js'
import type { IrEncodedType, IrEndpoint, IrField, IrObjectType } from '../../ir/types.js'
import { childrenOf, walkFields } from '../../ir/walk-fields.js'
import { indexed, reference, type TypeAlias, type TypeNode } from '../types/declarations.js'
import { endpointNamespace, propertyName, quote } from '../types/identifiers.js'
import { bodyOf, carriesBody, headersOf, multipartMeta } from '../types/request-shape.js'
import { alias, bindingName, Declared, literalOf, propertyText } from './example-values.js'

/** The usage example of an endpoint: the call, the caret marker under the verb, and the reply handling. */
export interface CallExample {
  /** business.js after `// ---cut---`. */
  code: string
  /** Values virtual.ts declares for the example. */
  declared: Declared
  /** Type aliases virtual.ts adds for JSDoc annotations. */
  aliases: TypeAlias[]
  /** Whether the example uses `wxpay.client`, which the block's root then declares. */
  client: boolean
}

export function callExample(op: IrEndpoint): CallExample {
  const ns = endpointNamespace(op)
  const declared = new Declared()
  const jsonBody = op.request.roots.find((r) => r.role === 'json')
  if (op.method === 'delete' && jsonBody) return deleteWithBody(op, ns, jsonBody.field, declared)
  const lines: string[] = []
  const head = `wxpay.${op.segments.map(propertyName).join('.')}.${op.method}(`
  const caret = `//${' '.repeat(head.length - op.method.length - 3)}${'^'.repeat(op.method.length)}`
  const config = configEntries(op, ns, declared)

  if (carriesBody(op.method)) {
    const { root: body, name: bodyName } = bodyOf(op)
    const fields = body?.field.type.kind === 'object' ? body.field.type.fields : []
    // The APIv2 signer computes `sign`; an example never passes it.
    const shown = fields.filter((f) => !(body?.role === 'xml' && f.name === 'sign') && numberedKey(f.name) === undefined)
    const meta = multipartMeta(op)
    // An encoded `meta` part is the declared object, stringified; the config passes the object itself.
    const entries = shown.map((f) => (f === meta && f.type.kind === 'encoded' ? 'meta: JSON.stringify(meta)' : entryOf(f, reference(`${ns}.${bodyName}`), declared)))
    const second = config ? `, { ${config.join(', ')} }` : ''
    if (entries.length === 0) lines.push(`${head}{}${second})`, caret)
    else lines.push(`${head}{`, caret, ...entries.map((e) => `  ${e},`), `}${second})`)
  } else if (config) {
    lines.push(`${head}{`, caret, ...config.map((part) => `  ${part},`), '})')
  } else {
    lines.push(`${head})`, caret)
  }
  return { code: [...preamble(op), ...lines, ...replyHandling(op)].join('\n'), declared, aliases: [], client: false }
}

/**
 * The docs' example value, or the only value an enum allows, as `name: value`; an object or object array the
 * sample fills as a nested literal; otherwise `name,` for a value virtual.ts declares. `indent` is the column the
 * entry starts at, for a literal that spans lines.
 */
function entryOf(field: IrField, container: TypeNode, declared: Declared, indent = 2): string {
  const access = indexed(container, quote(field.name))
  const value = valueOf(field, access, declared, true)
  if (value !== undefined) return memberText(field.name, value, indent)
  const binding = declared.use(field.name, access)
  return binding === field.name ? binding : `${propertyText(field.name)}: ${binding}`
}

/** A value of the example: literal text (a scalar, or a declared value's binding), an object or an array. */
type Value =
  | { kind: 'text'; text: string }
  | { kind: 'object'; members: Array<[string, Value]> }
  | { kind: 'array'; items: Value[] }
  | { kind: 'call'; callee: string; argument: Value }

/**
 * A field's value as JavaScript of its declared type (`access` names that type), built from the sample's values on
 * its leaves, or undefined when the sample gives none that fits. Inside an object the sample fills, a required member
 * it leaves out (or gives a value that does not fit) becomes a declared value typed `access['member']`, where the
 * declarations can name it (`canDeclare`: not a member of one alternative of a oneOf, whose type cannot be indexed).
 */
function valueOf(field: IrField, access: TypeNode, declared: Declared, canDeclare: boolean): Value | undefined {
  const only = field.type.kind === 'scalar' && field.type.enum?.values.length === 1 ? literalOf(field.type, { kind: 'string', value: String(field.type.enum.values[0]) }) : undefined
  const literal = literalOf(field.type, field.example) ?? only
  if (literal !== undefined) return { kind: 'text', text: literal }
  const type = field.type
  if (type.kind === 'encoded') return encodedValue(type)
  if ((type.kind !== 'object' && type.kind !== 'array') || !hasExample(childrenOf(type))) return undefined
  const defined: TypeNode = { kind: 'generic', name: 'NonNullable', args: [access] }
  if (type.kind === 'array') {
    if (type.items.kind !== 'object') return undefined
    const item = objectValue(type.items, indexed(defined, 'number'), declared, canDeclare)
    return item && { kind: 'array', items: [item] }
  }
  return objectValue(type, defined, declared, canDeclare)
}

/**
 * `JSON.stringify(…)` of a json_encode'd payload the sample fills (the payload's members carry its values): any
 * value is a string then, so nothing is declared inside it, and a required member without a value leaves it out.
 */
function encodedValue(type: IrEncodedType): Value | undefined {
  if (type.via !== 'json_encode' || !hasExample(childrenOf(type.payload))) return undefined
  const only = type.payload.fields[0]
  const unused = new Declared()
  const payload = type.shape === 'list' && only ? valueOf(only, UNNAMED, unused, false) : objectValue(type.payload, UNNAMED, unused, false)
  return payload && { kind: 'call', callee: 'JSON.stringify', argument: payload }
}

/** The access of a value that is never declared. */
const UNNAMED: TypeNode = reference('never')

/**
 * The members the sample fills, of the common fields and of the first alternative (the one examples attach to); a
 * required member without a value that fits is declared, or, in an alternative, leaves the whole object declared.
 */
function objectValue(type: IrObjectType, access: TypeNode, declared: Declared, canDeclare: boolean): Value | undefined {
  // Declared tentatively: an object that falls back leaves nothing declared for its members.
  const trial = declared.fork()
  const members: Array<[string, Value]> = []
  const fields = [...type.fields.map((f) => [f, canDeclare] as const), ...(type.variants?.[0] ?? []).map((f) => [f, false] as const)]
  for (const [member, declarable] of fields) {
    // An optional member the sample leaves out stays out.
    if (!member.required && member.example === undefined && !hasExample(childrenOf(member.type))) continue
    const memberAccess = indexed(access, quote(member.name))
    const value = valueOf(member, memberAccess, trial, declarable)
    if (value !== undefined) members.push([member.name, value])
    else if (member.required) {
      if (!declarable) return undefined
      members.push([member.name, { kind: 'text', text: trial.use(member.name, memberAccess) }])
    }
  }
  declared.adopt(trial)
  return { kind: 'object', members }
}

/** Whether the sample gives a value to one of these fields or their members. */
function hasExample(fields: IrField[]): boolean {
  let found = false
  walkFields(fields, (f) => {
    if (f.example !== undefined) found = true
  })
  return found
}

/**
 * A value on one line when its line (the value starts at column `start`, after its key) stays within 100 columns,
 * else one member or item a line, indented from `indent`.
 */
function printValue(value: Value, indent: number, start = indent): string {
  const flat = flatValue(value)
  if (value.kind === 'text' || start + flat.length + 1 <= 100) return flat
  if (value.kind === 'call') return `${value.callee}(${printValue(value.argument, indent, start + value.callee.length + 1)})`
  const pad = ' '.repeat(indent + 2)
  const lines = value.kind === 'object'
    ? value.members.map(([key, v]) => `${pad}${memberText(key, v, indent + 2)},`)
    : value.items.map((v) => `${pad}${printValue(v, indent + 2)},`)
  const [open, close] = value.kind === 'object' ? ['{', '}'] : ['[', ']']
  return [open, ...lines, `${' '.repeat(indent)}${close}`].join('\n')
}

function flatValue(value: Value): string {
  switch (value.kind) {
    case 'text':
      return value.text
    case 'object':
      return value.members.length === 0 ? '{}' : `{ ${value.members.map(([key, v]) => memberText(key, v, Infinity)).join(', ')} }`
    case 'array':
      return `[${value.items.map(flatValue).join(', ')}]`
    case 'call':
      return `${value.callee}(${flatValue(value.argument)})`
  }
}

/** `key: value`, or the shorthand `key` for a declared value of the same name. */
function memberText(key: string, value: Value, indent: number): string {
  if (value.kind === 'text' && value.text === key) return key
  const name = propertyText(key)
  return `${name}: ${indent === Infinity ? flatValue(value) : printValue(value, indent, indent + name.length + 2)}`
}

/**
 * `delete(config)` drops a body (the runtime passes no data for DELETE), so the example sends it through the
 * runtime's APIv3 axios instance, which still signs it; the body is typed by a JSDoc annotation.
 */
function deleteWithBody(op: IrEndpoint, ns: string, body: IrField, declared: Declared): CallExample {
  const fields = body.type.kind === 'object' ? body.type.fields : []
  const entries = fields.map((f) => entryOf(f, reference(`${ns}.JsonDataRequest`), declared))
  const url = op.segments
    .map((s) => (s.kind === 'literal' ? s.name : s.kind === 'fixed' ? s.value : `\${${declared.use(s.name, indexed(reference(`${ns}.RequestConfig`), quote(s.name)))}}`))
    .join('/')
  const head = 'wxpay.client.v3.request({'
  const lines = [
    `/** @type {import('./virtual').RequestBody} */`,
    'const data = {',
    ...entries.map((e) => `  ${e},`),
    '}',
    '// `delete(config)` sends no body: the runtime\'s APIv3 client sends and signs it.',
    head,
    `//${' '.repeat(head.indexOf('request') - 2)}${'^'.repeat('request'.length)}`,
    "  method: 'delete',",
    `  url: ${url.includes('${') ? `\`${url}\`` : quote(url)},`,
    '  data,',
    '})',
    ...replyHandling(op),
  ]
  return { code: lines.join('\n'), declared, aliases: [alias('RequestBody', `${ns}.JsonDataRequest`)], client: true }
}

/** The config members: path parameters, `params`, `headers`, `security` … as `RequestConfig` orders them. */
function configEntries(op: IrEndpoint, ns: string, declared: Declared): string[] | undefined {
  const parts: string[] = []
  const config = reference(`${ns}.RequestConfig`)
  const member = (key: string): TypeNode => ({ kind: 'generic', name: 'NonNullable', args: [indexed(config, key)] })
  const root = (role: string) => op.request.roots.find((r) => r.role === role)
  for (const segment of op.segments) {
    if (segment.kind === 'fixed') parts.push(`${segment.name}: ${quote(segment.value)}`)
    if (segment.kind !== 'parameter') continue
    const row = op.request.roots.find((r) => r.role === 'path' && (r.field.name === segment.name || r.value === segment.name))
    const field: IrField = row ? { ...row.field, name: segment.name } : { kind: 'field', name: segment.name, required: true, type: { kind: 'scalar', name: 'string' }, description: '', source: op.source }
    parts.push(entryOf(field, config, declared))
  }
  const query = root('query')?.field
  if (query?.type.kind === 'object' && query.type.fields.length > 0) {
    parts.push(`params: { ${query.type.fields.map((f) => entryOf(f, member("'params'"), declared)).join(', ')} }`)
  }
  const headers = headersOf(op)
  const sent = headers?.type.kind === 'object' ? headers.type.fields.filter((f) => f.required) : []
  if (sent.length > 0) parts.push(`headers: { ${sent.map((f) => entryOf(f, member("'headers'"), declared)).join(', ')} }`)
  if (root('security')) parts.push('security: true')
  if (root('nonceless')) parts.push('nonceless: true')
  const base = root('base_uri')
  if (base?.field.required && base.value) parts.push(`baseURL: ${quote(base.value)}`)
  if (op.response.empty?.kind === 'file-stream') {
    parts.push("responseType: 'stream'")
    if (op.protocol === 'v3') parts.push('transformResponse: []')
  }
  if (multipartMeta(op)) {
    const meta = declared.use('meta', indexed(config, "'meta'"))
    parts.push(meta === 'meta' ? meta : `meta: ${meta}`)
  }
  return parts.length > 0 ? parts : undefined
}

function preamble(op: IrEndpoint): string[] {
  return op.response.empty?.kind === 'file-stream' ? ["import { createWriteStream } from 'fs'", ''] : []
}

/** `.then(…)` destructuring every top-level reply field in order, highlighted with `[!code hl:N]`. */
function replyHandling(op: IrEndpoint): string[] {
  const empty = op.response.empty
  if (empty?.kind === 'no-content') return [`.then(({ status }) => status === ${empty.status ?? 204}) // [!code hl]`]
  if (empty?.kind === 'redirect') return ['.then(({ status, headers }) => ({ status, location: headers.location })) // [!code hl]']
  if (empty?.kind === 'file-stream') return [".then(({ data }) => { data.pipe(createWriteStream('./downloaded')) }) // [!code hl]"]
  // A numbered family of keys (`coupon_type_$n`) has no one name to bind.
  const names = op.response.fields.map((f) => f.name).filter((name) => numberedKey(name) === undefined)
  if (names.length === 0) return ['.then(({ data }) => data) // [!code hl]']
  // The same text binds a reply field in the parameter and returns it in the object: `name` or `'a-b': a_b_`.
  const bindings = names.map((name) => (bindingName(name) === name ? name : `${propertyText(name)}: ${bindingName(name)}`))
  const body = [
    `  ({ // [!code hl:${2 * names.length + 5}]`,
    '    data: {',
    ...bindings.map((b) => `      ${b},`),
    '    },',
    '  }) => ({',
    ...bindings.map((b) => `    ${b},`),
    '  })',
  ]
  return ['.then(', ...body, ')']
}
