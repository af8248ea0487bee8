import type { IrEndpoint, IrField } from '../../ir/types.js'
import { indexed, reference, type TypeAliasDeclaration, type TypeNode } from '../types/declarations.js'
import { methodNamespace, propertyName, quote, typeName } from '../types/identifiers.js'
import { bodyOf, carriesBody, headersOf, multipartMeta } from '../types/request-shape.js'
import { alias, bindingName, Declared, fieldLiteral, literalOf, propertyText } from './example-values.js'

/** The usage example of an endpoint: the call, the caret marker under the verb, and the reply handling. */
export interface CallExample {
  /** business.js after `// ---cut---`. */
  code: string
  /** Values virtual.ts declares for the example. */
  declared: Declared
  /** Type aliases virtual.ts adds for JSDoc annotations. */
  aliases: TypeAliasDeclaration[]
  /** Whether the example uses `wxpay.client`, which the block's root then declares. */
  client: boolean
}

export function callExample(op: IrEndpoint): CallExample {
  const ns = ['WeChatPay', 'OpenAPI', ...op.segments.map(typeName), methodNamespace(op.method)].join('.')
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
    const shown = fields.filter((f) => !(body?.role === 'xml' && f.name === 'sign'))
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
 * The docs' example value, or the only value an enum allows, as `name: value`; otherwise `name,` for a value
 * virtual.ts declares.
 */
function entryOf(field: IrField, container: TypeNode, declared: Declared): string {
  const only = field.type.kind === 'scalar' && field.type.enum?.values.length === 1 ? literalOf(field.type, { kind: 'string', value: String(field.type.enum.values[0]) }) : undefined
  const literal = fieldLiteral(field) ?? only
  if (literal !== undefined) return `${propertyText(field.name)}: ${literal}`
  const binding = declared.use(field.name, indexed(container, quote(field.name)))
  return binding === field.name ? binding : `${propertyText(field.name)}: ${binding}`
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
  const names = op.response.fields.map((f) => f.name)
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
