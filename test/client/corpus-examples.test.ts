import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, test } from 'vitest'
import { operationSchemas } from '../../generator/emit/client/operation-schemas.js'
import { bodyOf, multipartMeta } from '../../generator/emit/types/request-shape.js'
import type { IrEndpoint } from '../../generator/ir/types.js'
import { walkFields } from '../../generator/ir/walk-fields.js'
import { exampleOf, objectExample, type Value } from '../example-values.js'
import { corpusDir, generated, hasCorpus } from '../helpers.js'

/**
 * A docs page's example call as the client makes it: the body, and the config from the sample's other roots (path
 * parameters, `query` as `params`, `headers`, `security`, `nonceless`, `base_uri` as `baseURL`) plus what the
 * JavaScript runtime needs where the PHP sample needs nothing (a fixed path segment, a download's `responseType`,
 * an upload's `meta`).
 */
function exampleCall(op: IrEndpoint): { data?: Value; config: Record<string, Value> } {
  const options = { fill: false, text: false }
  const root = (role: string) => op.request.roots.find((r) => r.role === role)
  const config: Record<string, Value> = {}
  const set = (key: string, value: Value | undefined) => value !== undefined && (config[key] = value)
  for (const segment of op.segments) {
    if (segment.kind === 'fixed') set(segment.name, segment.value)
    if (segment.kind !== 'parameter') continue
    const row = op.request.roots.find((r) => r.role === 'path' && (r.field.name === segment.name || r.value === segment.name))
    if (row) set(segment.name, exampleOf(row.field, options))
  }
  for (const [role, key] of [['query', 'params'], ['headers', 'headers'], ['security', 'security'], ['nonceless', 'nonceless'], ['base_uri', 'baseURL']] as const) {
    const field = root(role)?.field
    if (field) set(key, exampleOf(field, options))
  }
  if (op.response.empty?.kind === 'file-stream') {
    config.responseType = 'stream'
    if (op.protocol === 'v3') config.transformResponse = []
  }
  const { root: body } = bodyOf(op)
  const data = body && body.field.type.kind === 'object' ? objectExample(body.field.type, options) : undefined
  const meta = multipartMeta(op)
  const metaText = meta && data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, Value>)[meta.name] : undefined
  if (typeof metaText === 'string') set('meta', JSON.parse(metaText) as Value)
  return { data, config }
}

// Validation must accept what the docs show: every value of every endpoint's example call, checked with the client's
// schemas, except the values `check` already reports as not fitting their type or enum (`example-type-mismatch`).
// A required member the example leaves out is no value to accept or reject; those endpoints are counted apart.
describe.skipIf(!hasCorpus)('the docs example calls of the whole corpus pass validation', () => {
  test('every example value is accepted, but those check reports', async () => {
    // Diagnostics named relative to the corpus, as the IR names its pages.
    const { document, diagnostics } = await generated(corpusDir, ['ir'], corpusDir)
    const mismatched = new Set(
      diagnostics.filter((d) => d.ruleId === 'example-type-mismatch').map((d) => `${d.file} ${/^Example `([^`]+)`/.exec(d.message)?.[1]}`),
    )
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true })
    const endpoints = document.operations.filter((op): op is IrEndpoint => op.kind === 'endpoint')
    const rejected: string[] = []
    let excused = 0
    let incomplete = 0
    let values = 0
    const unused: string[] = []
    for (const op of endpoints) {
      const schemas = operationSchemas(op)
      const { data, config } = exampleCall(op)
      // Every endpoint whose sample gives a literal value has it in its call: nothing is left unchecked.
      const given = leaves(data) + leaves(config)
      if (given === 0 && hasLiteral(op)) unused.push(op.id)
      values += given
      const errors = [...(schemas.data && data !== undefined ? errorsOf(ajv, schemas.data as object, data, 'data') : []), ...errorsOf(ajv, schemas.config as object, config, 'config')]
      if (errors.some((e) => e.keyword === 'required')) incomplete++
      const wrong = errors.filter((e) => e.keyword !== 'required')
      const unexcused = wrong.filter((e) => !mismatched.has(`${op.source.file} ${irPath(op, e.instancePath)}`))
      if (wrong.length > unexcused.length) excused++
      if (unexcused.length > 0) rejected.push(`${op.id}: ${unexcused.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`)
    }
    console.log(
      `docs example calls validated against the client's schemas: ${endpoints.length} endpoints, ${values} values; endpoints with values rejected: ${rejected.length}; ` +
        `excused as example-type-mismatch: ${excused} endpoints; example leaves out a required member: ${incomplete} endpoints`,
    )
    expect(rejected).toEqual([])
    expect(unused).toEqual([])
    expect(values).toBeGreaterThan(0)
  })
})

/** How many scalar values a call holds. */
function leaves(value: Value | undefined): number {
  if (value === undefined) return 0
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + leaves(item), 0)
  if (value !== null && typeof value === 'object') return Object.values(value).reduce<number>((sum, item) => sum + leaves(item), 0)
  return 1
}

/** Does the docs' sample give a request field of `op` a literal value (not a PHP expression)? */
function hasLiteral(op: IrEndpoint): boolean {
  let found = false
  walkFields(op.request.roots.map((r) => r.field), (f) => {
    if (f.example && f.example.kind !== 'expression') found = true
  })
  return found
}

function errorsOf(ajv: Ajv2020, schema: object, value: unknown, root: string) {
  const validate = ajv.compile(schema)
  return validate(value) ? [] : (validate.errors ?? []).map((e) => ({ ...e, instancePath: `${root}${e.instancePath}` }))
}

/** A validation error's place as `check` names it: `json.receivers[].type`, `query.limit`. */
function irPath(op: IrEndpoint, instancePath: string): string {
  const [root, ...segments] = instancePath.split('/')
  const roleOf: Record<string, string> = { params: 'query', headers: 'headers' }
  const rootRow = root === 'data' ? bodyOf(op).root : op.request.roots.find((r) => r.role === (roleOf[segments[0] ?? ''] ?? 'path') && (r.role !== 'path' || r.field.name === segments[0]))
  const rest = root === 'data' ? segments : segments.slice(1)
  return rest.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[]` : `${path}.${segment}`), rootRow?.field.name ?? segments[0] ?? '')
}
