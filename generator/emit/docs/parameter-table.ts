import type { IrEndpoint, IrField, IrOperation, IrType, IrWebhook } from '../../ir/types.js'
import { childrenOf } from '../../ir/walk-fields.js'
import type { TypeNode } from '../types/declarations.js'
import { newContext } from '../types/declare-object.js'
import { xmlReply } from '../types/declare-response.js'
import { webhookBodyName } from '../types/declare-webhook.js'
import { bodyObject, bodyOf, headersOf } from '../types/request-shape.js'
import { payloadNameOf, typeNode, type TypeContext } from '../types/type-text.js'
import { markdownText } from './markdown-text.js'

/** One table's rows: the fields under a path prefix, typed in the context the declarations type them in. */
interface Section {
  fields: IrField[]
  /** The parameter column's prefix (`params.`). */
  prefix: string
  context: TypeContext
  /** The declarations' path to these fields, which names decoded payload types. */
  path: string[]
}

/**
 * The parameter tables of an operation as markdown: name (with its path), type, required, description. Wrapped in
 * `v-pre` so VitePress does not read `{{ … }}` in a description as a template. Each type is the one the declarations
 * give the field (`typeNode` in the same context), written on one line.
 */
export function parameterTables(op: IrOperation): string {
  const request = op.kind === 'endpoint' ? endpointRequest(op) : webhookRequest(op)
  const response = op.response.empty ? [] : rows(responseSection(op))
  const [requestTitle, responseTitle] = op.kind === 'webhook' ? ['通知参数', '应答参数'] : ['请求参数', '返回参数']
  const table = (title: string, lines: string[]) =>
    lines.length === 0 ? [] : [`**${title}**`, '', '| 参数 | 类型 | 必填 | 描述 |', '| --- | --- | :---: | --- |', ...lines, '']
  const parts = [...table(requestTitle, request), ...table(responseTitle, response)]
  if (op.response.empty) parts.push(`**${responseTitle}**：${cell(op.response.empty.text)}`, '')
  return parts.length === 0 ? '' : ['<div v-pre>', '', ...parts, '</div>', ''].join('\n')
}

/** The request rows of an endpoint, as `JsonDataRequest`/`XmlDataRequest`/`BinaryDataRequest` and `RequestConfig` type them. */
function endpointRequest(op: IrEndpoint): string[] {
  const { root: bodyRoot, name: bodyName } = bodyOf(op)
  const config = newContext('request', false, undefined, 'RequestConfig')
  const headers = headersOf(op)
  const lines: string[] = []
  for (const root of op.request.roots) {
    switch (root.role) {
      case 'json':
      case 'xml':
      case 'body':
        if (root !== bodyRoot) break
        lines.push(...rows({ fields: bodyObject(op, root.field, root.role === 'xml').fields, prefix: '', context: newContext('request', false, undefined, bodyName), path: [] }))
        break
      case 'query':
        lines.push(...rows({ fields: childrenOf(root.field.type), prefix: 'params.', context: config, path: ['params'] }))
        break
      case 'headers':
        if (headers) lines.push(...rows({ fields: childrenOf(headers.type), prefix: 'headers.', context: config, path: ['headers'] }))
        break
      case 'base_uri':
        // `baseURL` is the literal URL of the description when it names one.
        lines.push(row(root.field, 'baseURL', { fields: [], prefix: '', context: config, path: [] }, root.value === undefined ? undefined : JSON.stringify(root.value)))
        break
      case 'path':
        // A path parameter fills the URL: the config always needs it.
        lines.push(row({ ...root.field, required: true }, root.value ?? root.field.name, { fields: [], prefix: '', context: config, path: [] }))
        break
      case 'fragment':
      case 'timeout':
      case 'other':
      case 'security':
      case 'nonceless':
        lines.push(row(root.field, root.value ?? root.field.name, { fields: [], prefix: '', context: config, path: [] }))
        break
      default: {
        const never: never = root.role
        throw new Error(`Unhandled role ${String(never)}`)
      }
    }
  }
  // The headers the declarations require when the docs have no headers row: those the call cannot work without.
  if (headers && !op.request.roots.some((r) => r.role === 'headers')) lines.push(...rows({ fields: childrenOf(headers.type), prefix: 'headers.', context: config, path: ['headers'] }))
  return lines
}

/** The request rows of a notification: `RequestHeaders` and the body (APIv2 XML: every value a string). */
function webhookRequest(op: IrWebhook): string[] {
  const lines: string[] = []
  for (const root of op.request.roots) {
    if (root.role === 'headers') {
      lines.push(...rows({ fields: childrenOf(root.field.type), prefix: 'headers.', context: newContext('response', false, undefined, 'RequestHeaders'), path: [] }))
    } else if (root.role === 'body') {
      lines.push(...rows({ fields: childrenOf(root.field.type), prefix: '', context: newContext('response', op.protocol === 'v2', undefined, webhookBodyName(op)), path: [] }))
    } else {
      lines.push(row(root.field, root.value ?? root.field.name, { fields: [], prefix: '', context: newContext('request', false, undefined, ''), path: [] }))
    }
  }
  return lines
}

function responseSection(op: IrOperation): Section {
  // An endpoint's reply is `WellformedResponse` (APIv2 XML: strings); a notification's is the acknowledgement.
  const context = op.kind === 'endpoint' ? newContext('response', xmlReply(op), undefined, 'WellformedResponse') : newContext('request', false, undefined, 'WellformedResponse')
  return { fields: op.response.fields, prefix: '', context, path: [] }
}

function rows(section: Section): string[] {
  return section.fields.flatMap((field) => {
    const path = `${section.prefix}${field.name}`
    const nested = field.type.kind === 'array' ? `${path}[].` : `${path}.`
    const children: Section = { ...section, fields: childrenOf(field.type), prefix: nested, path: [...section.path, field.name] }
    return [row(field, path, section), ...rows(children)]
  })
}

function row(field: IrField, path: string, section: Section, label = typeLabel(field.type, section.context)): string {
  const payload = payloadNameOf(field.type, section.context, [...section.path, field.name])
  const notes = [
    field.encryption && `加密：${field.encryption}`,
    field.encoding && `编码：${field.encoding}`,
    payload && `内容：${payload}`,
  ].filter(Boolean)
  const description = [field.description, ...notes].filter(Boolean).join('\n')
  return `| \`${cell(path, true)}\` | ${cell(label)} | ${field.required ? '✓' : ''} | ${cell(description)} |`
}

/**
 * The type of a field as the declarations write it, on one line: objects are `object`, arrays `T[]` with a union
 * in parentheses (`("a" | "b")[]`), string literals in double quotes.
 */
export function typeLabel(type: IrType, context: TypeContext): string {
  switch (type.kind) {
    case 'object':
      return 'object'
    case 'array': {
      const items = typeLabel(type.items, context)
      return /[ |&]/.test(items) ? `(${items})[]` : `${items}[]`
    }
    case 'opaque':
      return type.file ? 'file' : 'object'
    case 'scalar':
    case 'true':
    case 'encoded':
      // A throwaway context: an encoded field's payload type is named, not written, here.
      return nodeLabel(typeNode(type, { ...context, payloads: [] }, ['_']))
    default: {
      const never: never = type
      throw new Error(`Unhandled type ${JSON.stringify(never)}`)
    }
  }
}

function nodeLabel(node: TypeNode): string {
  switch (node.kind) {
    case 'reference':
      return node.name
    case 'literal':
      return node.text.startsWith("'") ? JSON.stringify(unquote(node.text)) : node.text
    case 'union':
      return node.types.map(nodeLabel).join(' | ')
    case 'array': {
      const items = nodeLabel(node.items)
      return /[ |&]/.test(items) ? `(${items})[]` : `${items}[]`
    }
    case 'generic':
      return node.name === 'Array' && node.args.length === 1 ? nodeLabel({ kind: 'array', items: node.args[0]! }) : `${node.name}<${node.args.map(nodeLabel).join(', ')}>`
    case 'object':
    case 'intersection':
      return 'object'
    case 'indexed':
      return `${nodeLabel(node.object)}[${node.index}]`
    default: {
      const never: never = node
      throw new Error(`Unhandled type node ${JSON.stringify(never)}`)
    }
  }
}

/** The value of a single-quoted literal as `quote` writes it. */
function unquote(text: string): string {
  return text.slice(1, -1).replace(/\\(u[0-9a-f]{4}|.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c.startsWith('u') && c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c))
}

/** Text safe inside a table cell (in a code span, where the table's `v-pre` keeps Vue out, braces stay). */
function cell(text: string, code = false): string {
  const escaped = markdownText(text).replace(/\|/g, '\\|').replace(/\n/g, '<br/>')
  return code ? escaped.replace(/&#123;/g, '{').replace(/&#125;/g, '}') : escaped
}
