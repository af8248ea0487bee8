import type { IrField, IrOperation, IrType } from '../../ir/types.js'
import { childrenOf } from '../../ir/walk-fields.js'
import type { TypeNode } from '../types/declarations.js'
import { assertNever } from '../types/doc-comment.js'
import { bodyObject } from '../types/declare-endpoint.js'
import { xmlReply } from '../types/declare-response.js'
import { wireNode } from '../types/type-text.js'
import { cell } from './markdown-text.js'

/**
 * The parameter tables of an operation as markdown: name (with its path), type, required, description. Types and
 * `?` are the declarations': TypeScript's text, strings for the values of APIv2 XML replies and notifications, `sign`
 * and `nonce_str` optional where the signer fills them. Wrapped in `v-pre` so VitePress does not read `{{ … }}` in a
 * description as a template.
 */
export function parameterTables(op: IrOperation): string {
  const request: string[] = []
  // An APIv2 notification is XML read without value conversion, like an APIv2 reply.
  const xmlNotification = op.kind === 'webhook' && op.protocol === 'v2'
  for (const root of op.request.roots) {
    switch (root.role) {
      case 'json':
      case 'body':
        request.push(...rows(childrenOf(root.field.type), '', xmlNotification && root.role === 'body'))
        break
      case 'xml':
        request.push(...rows(op.kind === 'endpoint' ? bodyObject(op, root.field, true).fields : childrenOf(root.field.type), '', false))
        break
      case 'query':
        request.push(...rows(childrenOf(root.field.type), op.kind === 'endpoint' ? 'params.' : 'query.', false))
        break
      case 'headers':
        request.push(...rows(childrenOf(root.field.type), 'headers.', false))
        break
      case 'base_uri':
        request.push(row(root.field, 'baseURL', false))
        break
      case 'fragment':
      case 'timeout':
      case 'other':
      case 'path':
      case 'security':
      case 'nonceless':
        request.push(row(root.field, root.value ?? root.field.name, false))
        break
      default: {
        const never: never = root.role
        throw new Error(`Unhandled role ${String(never)}`)
      }
    }
  }
  const response = op.response.empty ? [] : rows(op.response.fields, '', op.kind === 'endpoint' && xmlReply(op))
  const [requestTitle, responseTitle] = op.kind === 'webhook' ? ['通知参数', '应答参数'] : ['请求参数', '返回参数']
  const table = (title: string, lines: string[]) =>
    lines.length === 0 ? [] : [`**${title}**`, '', '| 参数 | 类型 | 必填 | 描述 |', '| --- | --- | :---: | --- |', ...lines, '']
  const parts = [...table(requestTitle, request), ...table(responseTitle, response)]
  if (op.response.empty) parts.push(`**${responseTitle}**：${cell(op.response.empty.text)}`, '')
  return parts.length === 0 ? '' : ['<div v-pre>', '', ...parts, '</div>', ''].join('\n')
}

function rows(fields: IrField[], prefix: string, xml: boolean): string[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`
    const nested = field.type.kind === 'array' ? `${path}[].` : `${path}.`
    return [row(field, path, xml), ...rows(childrenOf(field.type), nested, xml)]
  })
}

function row(field: IrField, path: string, xml: boolean): string {
  const notes = [field.encryption && `加密：${field.encryption}`, field.encoding && `编码：${field.encoding}`].filter(Boolean)
  const description = [field.description, ...notes].filter(Boolean).join('\n')
  return `| \`${cell(path)}\` | ${cell(typeLabel(field.type, xml))} | ${field.required ? '✓' : ''} | ${cell(description)} |`
}

/** The type as the declarations write it on the wire: `'a' | 'b'`, `('a' | 'b')[]`, `string` for an encoded payload. */
export function typeLabel(type: IrType, xml: boolean): string {
  switch (type.kind) {
    case 'scalar':
    case 'encoded':
      return nodeText(wireNode(type, xml))
    case 'true':
      return 'true'
    case 'object':
      return 'object'
    case 'array': {
      const items = typeLabel(type.items, xml)
      return items.includes(' | ') ? `(${items})[]` : `${items}[]`
    }
    case 'opaque':
      return type.file ? 'ReadStream' : 'object'
    default:
      return assertNever(type)
  }
}

function nodeText(node: TypeNode): string {
  if (node.kind === 'reference') return node.name
  if (node.kind === 'literal') return node.text
  if (node.kind === 'union') return node.types.map(nodeText).join(' | ')
  throw new Error(`Unexpected ${node.kind} type on the wire`)
}
