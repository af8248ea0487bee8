import { describe, expect, test } from 'vitest'
import { emitOpenapi, OPENAPI_JSON, OPENAPI_YAML } from '../../generator/emit/openapi/emit-openapi.js'
import { operationIdOf } from '../../generator/emit/openapi/endpoint-operation.js'
import { corpusDir, generated, hasCorpus } from '../helpers.js'
import { lintOpenapi, operationsOf } from './openapi-checks.js'

// The whole corpus as one OpenAPI 3.1 document: valid for Redocly (its `struct` rule is the OpenAPI 3.1 schema) and
// clean under its recommended rules, with every operation of the IR in it exactly once.
describe.skipIf(!hasCorpus)('the OpenAPI document of the whole corpus', () => {
  test('validates, and holds every operation of the IR', async () => {
    // The document a run with the openapi target makes, and the same made again in this process, timed.
    const { document, outputs } = await generated(corpusDir, ['openapi'])
    const started = performance.now()
    const again = emitOpenapi(document.operations)
    const emitted = performance.now() - started
    expect(again.get(OPENAPI_JSON) === outputs.get(OPENAPI_JSON)).toBe(true)
    const json = outputs.get(OPENAPI_JSON)!
    const lint = await lintOpenapi(json)
    const parsed = JSON.parse(json)
    const operations = operationsOf(parsed)
    const components = Object.keys(parsed.components.schemas ?? {}).length
    console.log(
      `corpus OpenAPI: ${operations.size} operations (${Object.keys(parsed.paths).length} paths, ${Object.keys(parsed.webhooks).length} webhooks, ` +
        `${Object.keys(parsed['x-wechatpay-paths'] ?? {}).length} in x-wechatpay-paths), ${components} shared components; ` +
        `openapi.json ${(json.length / 1e6).toFixed(1)} MB, openapi.yaml ${(outputs.get(OPENAPI_YAML)!.length / 1e6).toFixed(1)} MB, made in ` +
        `${(emitted / 1000).toFixed(2)} s; Redocly ${(lint.milliseconds / 1000).toFixed(1)} s, ${lint.errors.length} errors, warnings ${JSON.stringify(lint.warnings)}`,
    )
    expect(lint.errors.slice(0, 20)).toEqual([])
    expect([...operations.keys()].sort()).toEqual(document.operations.map(operationIdOf).sort())
  })
})
