import type { IrField, IrWebhook } from '../../ir/types.js'
import { objectOf, type JsonObject } from './json-schema.js'
import { operationHead } from './endpoint-operation.js'
import { fieldSchema, objectSchema } from './schema-of.js'
import { securityOf } from './security-schemes.js'

/** The key of a notification in `webhooks`: `v3/REFUND.SUCCESS`. */
export function webhookKey(op: IrWebhook): string {
  return `${op.protocol}/${op.event}`
}

/**
 * A notification as the POST WeChat Pay makes to the merchant: its headers, its body (JSON, or XML whose values are
 * strings for APIv2), and the acknowledgement the merchant replies with, one response per documented status.
 */
export function webhookOperation(op: IrWebhook): JsonObject {
  const root = (role: string) => op.request.roots.find((r) => r.role === role)?.field
  const members = (field: IrField | undefined) => (field?.type.kind === 'object' ? field.type.fields : [])
  const xml = op.protocol === 'v2'
  const parameters = members(root('headers'))
    .filter((f) => f.name.toLowerCase() !== 'content-type')
    .map((field) => {
      const { description, ...schema } = fieldSchema(field, { text: false, annotate: true })
      return objectOf([['name', field.name], ['in', 'header'], ['description', description], ['required', field.required], ['schema', schema]])
    })
  const body = root('body')
  const bodySchema = body && objectSchema({ kind: 'object', fields: members(body) }, { text: xml, annotate: true })
  const media = xml ? 'text/xml' : 'application/json'
  const requestBody = bodySchema && { required: true, content: { [media]: { schema: xml ? { ...bodySchema, xml: { name: 'xml' } } : bodySchema } } }
  return {
    ...operationHead(op),
    ...objectOf([
      ['parameters', parameters.length > 0 ? parameters : undefined],
      ['requestBody', requestBody],
      ['responses', acknowledgements(op, media)],
      ['deprecated', op.notices.some((n) => n.status === 'deprecated') ? true : undefined],
      ['security', securityOf(op)],
    ]),
  }
}

/** The `应答规范` table: a `status` row (its enum, the statuses), a `body` row and sometimes `headers`. */
function acknowledgements(op: IrWebhook, media: string): JsonObject {
  const field = (name: string) => op.response.fields.find((f) => f.name === name)
  const status = field('status')
  const statuses = status?.type.kind === 'scalar' ? (status.type.enum?.values ?? []).filter((v) => Number.isInteger(Number(v)) && Number(v) >= 100 && Number(v) <= 599).map(String) : []
  const body = field('body')
  const headers = field('headers')
  const description = `The acknowledgement of ${op.title}.`
  const responses: JsonObject = {}
  for (const code of statuses.length > 0 ? statuses : ['200']) {
    const content = body && code !== '204' ? { [media]: { schema: fieldSchema(body, { text: false, annotate: true }) } } : undefined
    const headerObjects = headers?.type.kind === 'object' ? objectOf(headers.type.fields.map((f) => [f.name, objectOf([['required', f.required], ['schema', fieldSchema(f, { text: false, annotate: true })]])])) : undefined
    responses[code] = objectOf([['description', description], ['headers', headerObjects], ['content', content]])
  }
  return responses
}
