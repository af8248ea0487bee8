import openapiTS, { astToString } from 'openapi-typescript'
import { describe, expect, test } from 'vitest'
import { OPENAPI_JSON } from '../../generator/emit/openapi/emit-openapi.js'
import { pathOf } from '../../generator/emit/openapi/endpoint-operation.js'
import { webhookKey } from '../../generator/emit/openapi/webhook-operation.js'
import { xmlReply } from '../../generator/emit/types/declare-response.js'
import { eventNamespace, methodNamespace, typeName } from '../../generator/emit/types/identifiers.js'
import { bodyObject, bodyOf, headersOf } from '../../generator/emit/types/request-shape.js'
import type { IrEndpoint, IrField, IrObjectType, IrWebhook } from '../../generator/ir/types.js'
import { exampleOf, objectExample, valueText, type ExampleOptions, type Value } from '../example-values.js'
import { corpusDir, docsDir, generated, hasCorpus } from '../helpers.js'
import { typeCheck } from '../type-check.js'

/** openapi-typescript's declarations of a document, as it writes them by default. */
async function peerTypes(json: string): Promise<string> {
  return astToString(await openapiTS(JSON.parse(json)))
}

// A peer reads the document: openapi-typescript turns it into TypeScript that compiles under --strict.
describe.skipIf(!hasCorpus)('openapi-typescript over the corpus document', () => {
  test('its declarations type-check under --strict', async () => {
    const { outputs } = await generated(corpusDir, ['openapi'])
    const started = performance.now()
    const text = await peerTypes(outputs.get(OPENAPI_JSON)!)
    const converted = performance.now() - started
    const result = typeCheck(new Map([['openapi.d.ts', text]]), ['openapi.d.ts'])
    console.log(
      `openapi-typescript: ${(text.length / 1e6).toFixed(1)} MB of declarations from the corpus document in ${(converted / 1000).toFixed(1)} s; ` +
        `tsc --strict ${(result.milliseconds / 1000).toFixed(1)} s, ${result.errors.length} errors`,
    )
    expect(result.errors.slice(0, 20)).toEqual([])
  })
})

/**
 * For each operation of docs/, the same example values against its types from openapi-typescript and against ours:
 * the docs' values, with required members they lack filled in by type (replies have no docs values: all filled).
 * Each value is written twice as a literal, once `satisfies` theirs and once ours, so excess members count too.
 */
describe('openapi-typescript and our declarations accept the same example values (docs/)', () => {
  test('every request part, reply and notification of docs/', async () => {
    const { document, outputs } = await generated(docsDir, ['types', 'openapi'])
    const files = new Map([...outputs].filter(([path]) => path.startsWith('types/')))
    files.set('openapi.d.ts', await peerTypes(outputs.get(OPENAPI_JSON)!))
    const checks = document.operations.flatMap((op) => (op.kind === 'endpoint' ? endpointChecks(op) : webhookChecks(op)))
    // Both ways: a value both accept, and the same value less one required member, which both reject.
    const lines = checks.flatMap(({ theirs, ours, value, required }, i) => [
      `export const theirs${i} = ${valueText(value)} satisfies ${theirs}`,
      `export const ours${i} = ${valueText(value)} satisfies ${ours}`,
      ...required.flatMap((name, j) => {
        const { [name]: _, ...less } = value as { [key: string]: Value }
        return [`// @ts-expect-error`, `export const theirs${i}_${j} = ${valueText(less)} satisfies ${theirs}`, `// @ts-expect-error`, `export const ours${i}_${j} = ${valueText(less)} satisfies ${ours}`]
      }),
    ])
    files.set('examples.ts', `/// <reference path="./types/index.d.ts" />\nimport type { paths, webhooks } from './openapi.js'\n${lines.join('\n')}\n`)
    const result = typeCheck(files, ['types/index.d.ts', 'examples.ts'])
    const rejected = checks.reduce((sum, c) => sum + c.required.length, 0)
    console.log(`round trip over docs/: ${document.operations.length} operations, ${checks.length} example values accepted by both, ${rejected} values less a required member rejected by both; ${result.errors.length} errors`)
    expect(result.errors).toEqual([])
    // Every operation with a request part or a reply body contributes (a DELETE without parameters answering 204 has none).
    const withValues = document.operations.filter((op) => op.kind === 'webhook' || op.request.roots.length > 0 || !op.response.empty)
    expect(new Set(checks.map((c) => c.operation))).toEqual(new Set(withValues.map((op) => op.id)))
  })
})

interface Check {
  operation: string
  theirs: string
  ours: string
  value: Value
  /** The value's required members. */
  required: string[]
}

const RESERVED = new Set(['accept', 'content-type', 'authorization'])

const fill: ExampleOptions = { fill: true, text: false }

function endpointChecks(op: IrEndpoint): Check[] {
  const theirsOp = `paths[${JSON.stringify(pathOf(op))}][${JSON.stringify(op.method)}]`
  const ours = ['WeChatPay.OpenAPI', ...op.segments.map(typeName), methodNamespace(op.method)].join('.')
  const checks: Check[] = []
  const add = (theirs: string, oursType: string, object: IrObjectType, options: ExampleOptions = fill) => {
    const value = objectExample(object, options)
    if (value !== undefined) checks.push({ operation: op.id, theirs, ours: oursType, value, required: object.fields.filter((f) => f.required).map((f) => f.name) })
  }
  const { root, name } = bodyOf(op)
  if (root && root.field.type.kind === 'object' && op.method !== 'delete') {
    const media = root.role === 'xml' ? 'text/xml' : root.role === 'body' ? 'multipart/form-data' : 'application/json'
    add(`NonNullable<${theirsOp}['requestBody']>['content'][${JSON.stringify(media)}]`, `${ours}.${name}`, bodyObject(op, root.field, root.role === 'xml'))
  }
  const pathFields: IrField[] = op.segments.flatMap((s) => {
    if (s.kind !== 'parameter') return []
    const row = op.request.roots.find((r) => r.role === 'path' && (r.field.name === s.name || r.value === s.name))
    return [{ ...(row?.field ?? { kind: 'field', type: { kind: 'scalar', name: 'string' }, description: '', source: op.source }), name: s.name, required: true } as IrField]
  })
  if (pathFields.length > 0) {
    const names = pathFields.map((f) => JSON.stringify(f.name)).join(' | ')
    add(`${theirsOp}['parameters']['path']`, `Pick<${ours}.RequestConfig, ${names}>`, { kind: 'object', fields: pathFields })
  }
  const query = op.request.roots.find((r) => r.role === 'query')?.field
  if (query?.type.kind === 'object') add(`NonNullable<${theirsOp}['parameters']['query']>`, `NonNullable<${ours}.RequestConfig['params']>`, query.type)
  // Content-Type is the request body's media type in OpenAPI, never a header parameter: it is left out of both.
  const headers = headersOf(op)
  const sent = headers?.type.kind === 'object' ? headers.type.fields.filter((f) => !RESERVED.has(f.name.toLowerCase())) : []
  if (sent.length > 0) add(`NonNullable<${theirsOp}['parameters']['header']>`, `Omit<NonNullable<${ours}.RequestConfig['headers']>, 'Content-Type'>`, { kind: 'object', fields: sent })
  if (!op.response.empty) {
    const media = xmlReply(op) ? 'text/xml' : 'application/json'
    const reply: IrObjectType = { kind: 'object', fields: op.response.fields }
    add(`${theirsOp}['responses'][200]['content'][${JSON.stringify(media)}]`, `${ours}.WellformedResponse`, reply, { fill: true, text: xmlReply(op) })
  }
  return checks
}

function webhookChecks(op: IrWebhook): Check[] {
  const theirsOp = `NonNullable<webhooks[${JSON.stringify(webhookKey(op))}]['post']>`
  const ours = `WeChatPay.Webhook.${op.protocol.toUpperCase()}.${eventNamespace(op.event)}`
  const media = op.protocol === 'v2' ? 'text/xml' : 'application/json'
  const checks: Check[] = []
  const body = op.request.roots.find((r) => r.role === 'body')?.field
  const required = (fields: IrField[]) => fields.filter((f) => f.required).map((f) => f.name)
  if (body?.type.kind === 'object') {
    const value = objectExample(body.type, { fill: true, text: op.protocol === 'v2' })!
    checks.push({ operation: op.id, theirs: `${theirsOp}['requestBody']['content'][${JSON.stringify(media)}]`, ours: `${ours}.${op.protocol === 'v2' ? 'Xml' : 'Json'}DataRequest`, value, required: required(body.type.fields) })
  }
  const ack = op.response.fields.find((f) => f.name === 'body')
  const value = ack && exampleOf(ack, fill)
  if (ack?.type.kind === 'object' && value !== undefined) {
    checks.push({ operation: op.id, theirs: `${theirsOp}['responses'][200]['content'][${JSON.stringify(media)}]`, ours: `NonNullable<${ours}.WellformedResponse['body']>`, value, required: required(ack.type.fields) })
  }
  return checks
}

