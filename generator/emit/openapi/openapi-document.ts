import type { HttpMethod, IrEndpoint, IrOperation, IrWebhook } from '../../ir/types.js'
import { DEFAULT_SERVER, endpointOperation, pathOf, tagOf } from './endpoint-operation.js'
import { objectOf, setOwn, type JsonObject } from './json-schema.js'
import { SECURITY_SCHEMES } from './security-schemes.js'
import { shareSchemas } from './share-schemas.js'
import { webhookKey, webhookOperation } from './webhook-operation.js'

/** Methods in the order OpenAPI lists them in a path item. */
const METHOD_ORDER: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch']

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The OpenAPI 3.1 document of the operations: every endpoint under `paths` (sorted by path, methods in OpenAPI's
 * order), every notification under `webhooks`, shared shapes under `components`. OpenAPI forbids two paths that
 * differ only in their parameters' names (`…/{applyment_id}/cancel`, `…/{business_code}/cancel`): the first by
 * path keeps its place and the others go to `x-wechatpay-paths`, in the same form.
 */
export function openapiDocument(operations: IrOperation[], header: string): JsonObject {
  const endpoints = operations.filter((op): op is IrEndpoint => op.kind === 'endpoint')
  const webhooks = operations.filter((op): op is IrWebhook => op.kind === 'webhook').sort((a, b) => byText(webhookKey(a), webhookKey(b)))
  const byPath = new Map<string, IrEndpoint[]>()
  for (const op of endpoints) byPath.set(pathOf(op), [...(byPath.get(pathOf(op)) ?? []), op])
  const paths = [...byPath.keys()].sort(byText)
  for (const ops of byPath.values()) ops.sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method))

  const ordered = [...paths.flatMap((path) => byPath.get(path)!), ...webhooks]
  const built = ordered.map((op) => (op.kind === 'endpoint' ? endpointOperation(op) : webhookOperation(op)))
  const hints = ordered.map((op) => (op.kind === 'endpoint' ? { request: 'Request', reply: 'Reply' } : { request: 'Notification', reply: 'Acknowledgement' }))
  const { operations: shared, schemas } = shareSchemas(built, hints)
  const operationOf = new Map(ordered.map((op, i) => [op, shared[i]!]))

  const pathItems: JsonObject = {}
  const homonyms: JsonObject = {}
  const templates = new Set<string>()
  for (const path of paths) {
    const template = path.replace(/\{[^}]*\}/g, '{}')
    const item = objectOf(byPath.get(path)!.map((op) => [op.method, operationOf.get(op)]))
    setOwn(templates.has(template) ? homonyms : pathItems, path, item)
    templates.add(template)
  }
  const tags = [...new Set(ordered.map(tagOf))].sort(byText).map((name) => ({ name }))
  return objectOf([
    ['x-comment', header],
    ['openapi', '3.1.0'],
    ['info', {
      title: 'WeChat Pay API',
      version: '1',
      description: 'The WeChat Pay merchant APIs (APIv2 and APIv3) and notifications, from the wechatpay.im docs pages.',
    }],
    ['servers', [{ url: DEFAULT_SERVER }]],
    ['tags', tags],
    ['paths', pathItems],
    ['webhooks', objectOf(webhooks.map((op) => [webhookKey(op), { post: operationOf.get(op) }]))],
    ['components', objectOf([['schemas', Object.keys(schemas).length > 0 ? schemas : undefined], ['securitySchemes', SECURITY_SCHEMES]])],
    ['x-wechatpay-paths', Object.keys(homonyms).length > 0 ? homonyms : undefined],
  ])
}
