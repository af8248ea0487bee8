import type { IrField, IrOperation, IrType } from '../../ir/types.js'
import { childrenOf } from '../../ir/walk-fields.js'
import { cell } from './markdown-text.js'

/**
 * The parameter tables of an operation as markdown: name (with its path), type, required, description. Wrapped in
 * `v-pre` so VitePress does not read `{{ … }}` in a description as a template.
 */
export function parameterTables(op: IrOperation): string {
  const request: string[] = []
  for (const root of op.request.roots) {
    switch (root.role) {
      case 'json':
      case 'xml':
      case 'body':
        request.push(...rows(childrenOf(root.field.type), ''))
        break
      case 'query':
        request.push(...rows(childrenOf(root.field.type), op.kind === 'endpoint' ? 'params.' : 'query.'))
        break
      case 'headers':
        request.push(...rows(childrenOf(root.field.type), 'headers.'))
        break
      case 'base_uri':
        request.push(row(root.field, 'baseURL'))
        break
      case 'fragment':
      case 'timeout':
      case 'other':
      case 'path':
      case 'security':
      case 'nonceless':
        request.push(row(root.field, root.value ?? root.field.name))
        break
      default: {
        const never: never = root.role
        throw new Error(`Unhandled role ${String(never)}`)
      }
    }
  }
  const response = op.response.empty ? [] : rows(op.response.fields, '')
  const [requestTitle, responseTitle] = op.kind === 'webhook' ? ['通知参数', '应答参数'] : ['请求参数', '返回参数']
  const table = (title: string, lines: string[]) =>
    lines.length === 0 ? [] : [`**${title}**`, '', '| 参数 | 类型 | 必填 | 描述 |', '| --- | --- | :---: | --- |', ...lines, '']
  const parts = [...table(requestTitle, request), ...table(responseTitle, response)]
  if (op.response.empty) parts.push(`**${responseTitle}**：${cell(op.response.empty.text)}`, '')
  return parts.length === 0 ? '' : ['<div v-pre>', '', ...parts, '</div>', ''].join('\n')
}

function rows(fields: IrField[], prefix: string): string[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`
    const nested = field.type.kind === 'array' ? `${path}[].` : `${path}.`
    return [row(field, path), ...rows(childrenOf(field.type), nested)]
  })
}

function row(field: IrField, path: string): string {
  const notes = [field.encryption && `加密：${field.encryption}`, field.encoding && `编码：${field.encoding}`].filter(Boolean)
  const description = [field.description, ...notes].filter(Boolean).join('\n')
  return `| \`${cell(path)}\` | ${cell(typeLabel(field.type))} | ${field.required ? '✓' : ''} | ${cell(description)} |`
}

function typeLabel(type: IrType): string {
  switch (type.kind) {
    case 'scalar':
      return type.enum ? type.enum.values.map((v) => JSON.stringify(v)).join(' | ') : (type.written ?? type.name)
    case 'true':
      return 'true'
    case 'object':
      return 'object'
    case 'array':
      return `${typeLabel(type.items)}[]`
    case 'encoded':
      return `string (${type.via})`
    case 'opaque':
      return type.file ? 'file' : 'object'
    default: {
      const never: never = type
      throw new Error(`Unhandled type ${JSON.stringify(never)}`)
    }
  }
}
