import { createConfig, lintFromString } from '@redocly/openapi-core'
import { expect } from 'vitest'

/** A parsed document, read loosely. */
export type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Redocly's `recommended` rules, less two the docs break on purpose: APIv2's `sign` is a body member that no
 * security scheme can place (`security-defined`), and two URLs of the API really end with a slash
 * (`POST /v3/applyment4sub/applyment/`; `no-path-trailing-slash`).
 */
export const LINT_RULES = { extends: ['recommended'], rules: { 'security-defined': 'off', 'no-path-trailing-slash': 'off' } } as const

export interface LintResult {
  /** Errors as `rule pointer message`; `struct` errors are the OpenAPI 3.1 schema's. */
  errors: string[]
  /** Warnings counted by rule. */
  warnings: Record<string, number>
  milliseconds: number
}

export async function lintOpenapi(source: string): Promise<LintResult> {
  const started = performance.now()
  const config = await createConfig(LINT_RULES as never)
  const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config })
  const warnings: Record<string, number> = {}
  for (const p of problems) if (p.severity !== 'error') warnings[p.ruleId] = (warnings[p.ruleId] ?? 0) + 1
  const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''} ${p.message}`)
  return { errors, warnings, milliseconds: performance.now() - started }
}

/** Every operation object of a document by id: `paths`, `webhooks` and `x-wechatpay-paths`. */
export function operationsOf(document: Doc): Map<string, Doc> {
  const items = [...Object.values(document.paths ?? {}), ...Object.values(document.webhooks ?? {}), ...Object.values(document['x-wechatpay-paths'] ?? {})]
  const found = new Map<string, Doc>()
  for (const item of items as Doc[]) for (const operation of Object.values(item) as Doc[]) {
    expect(found.has(operation.operationId), `operationId ${operation.operationId} is unique`).toBe(false)
    found.set(operation.operationId, operation)
  }
  return found
}
