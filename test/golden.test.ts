import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { formatDiagnostic } from '../generator/diagnostics/report.js'
import { listPages } from '../generator/run/list-pages.js'
import { docsDir, irOf } from './helpers.js'

// Golden IR of every docs/ page: `npx vitest -u` rewrites them; review the diff before committing.
describe('golden IR of docs/', () => {
  const pages = listPages(docsDir)
  test('docs/ holds the seed and the sibling pages', () => {
    expect(pages).toContain('openapi/v2/secapi/pay/profitsharingreturn.md')
    expect(pages.length).toBeGreaterThanOrEqual(6)
  })
  test.each(pages)('%s', async (path) => {
    const { document, diagnostics } = irOf(readFileSync(join(docsDir, path), 'utf8'), path)
    const golden = `fixtures/golden/${path.replace(/\.md$/, '')}`
    await expect(`${JSON.stringify(document.operations, null, 2)}\n`).toMatchFileSnapshot(`${golden}.ir.json`)
    await expect(diagnostics.map(formatDiagnostic).join('\n') + '\n').toMatchFileSnapshot(`${golden}.diagnostics.txt`)
  })

  test('the seed endpoint: exact optionality, enums and the security root', () => {
    const path = 'openapi/v2/secapi/pay/profitsharingreturn.md'
    const { document } = irOf(readFileSync(join(docsDir, path), 'utf8'), path)
    const op = document.operations[0]!
    expect(op.id).toBe('v2/secapi/pay/profitsharingreturn#post')
    const [xml, security] = op.request.roots
    expect(security).toMatchObject({ role: 'security', field: { required: true, type: { kind: 'true' } } })
    const fields = xml!.field.type.kind === 'object' ? xml!.field.type.fields : []
    expect(fields.filter((f) => !f.required).map((f) => f.name)).toEqual(['sub_appid', 'order_id', 'out_order_no'])
    expect(fields.find((f) => f.name === 'return_amount')).toMatchObject({ type: { kind: 'scalar', name: 'integer' }, example: { kind: 'string', value: '888' } })
    const result = op.response.fields.find((f) => f.name === 'result')
    expect(result?.type).toEqual({ kind: 'scalar', name: 'string', enum: { kind: 'enum', values: ['SUCCESS', 'PROCESSING', 'FAILED'] } })
    expect(op.links[0]?.url).toBe('https://pay.weixin.qq.com/wiki/doc/api/allocation_sp.php?chapter=25_7&index=9')
  })
})
