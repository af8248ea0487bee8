// The docs pages' webhook handlers, read as code: they pass Node's `req.headers` to the receiver and read no header
// by a name Node never gives (Node lowercases header names: `headers['Wechatpay-Timestamp']` is always undefined),
// use the received value, and send the reply. Over docs/ and every webhook page of the corpus.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { webhookExample } from '../../generator/emit/docs/webhook-example.js'
import { buildIr } from '../../generator/ir/build-ir.js'
import type { IrWebhook } from '../../generator/ir/types.js'
import { listPages } from '../../generator/run/list-pages.js'
import { parsePage } from '../../generator/parse/parse-page.js'
import { corpusDir, docsDir, hasCorpus } from '../helpers.js'

function webhooksOf(dir: string): IrWebhook[] {
  const pages = listPages(dir).filter((p) => /^webhook\/v[23]\//.test(p))
  const { operations } = buildIr(pages.map((p) => parsePage(p, readFileSync(join(dir, p), 'utf8'))))
  return operations.filter((op): op is IrWebhook => op.kind === 'webhook')
}

/** What a handler does with headers and the receiver, read from its syntax tree. */
function readHandler(code: string) {
  const file = ts.createSourceFile('business.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS)
  const headerNames: string[] = []
  const receiverCalls: string[] = []
  let replySent = false
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isIdentifier(node)) && /^wechatpay-/i.test(node.text)) headerNames.push(node.text)
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(file)
      if (callee === 'receive' || callee === 'receive.v2') receiverCalls.push(`${callee}(${node.arguments.map((a) => a.getText(file)).join(', ')})`)
      if (callee === 'res.writeHead(reply.status, reply.headers).end' && node.arguments[0]?.getText(file) === 'reply.body') replySent = true
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return { headerNames, receiverCalls, replySent }
}

function checkExamples(webhooks: IrWebhook[]) {
  const wrong: string[] = []
  for (const op of webhooks) {
    const { code } = webhookExample(op)
    const { headerNames, receiverCalls, replySent } = readHandler(code)
    // A header name in code at all must be the lower-case one Node gives.
    for (const name of headerNames) if (name !== name.toLowerCase()) wrong.push(`${op.id}: reads the header \`${name}\``)
    const expected = op.protocol === 'v3' ? 'receive(req.headers, await buffer(req))' : `receive.v2('${op.event}', await buffer(req))`
    if (receiverCalls.join() !== expected) wrong.push(`${op.id}: calls ${receiverCalls.join() || 'no receiver'}`)
    if (!/\/\/ \[!code hl\]$/m.test(code) || !/ = (event\.resource|decrypted|notification|event)\b/.test(code)) wrong.push(`${op.id}: does not use what it received`)
    if (!replySent) wrong.push(`${op.id}: sends no reply`)
  }
  return wrong
}

describe('webhook examples read the header names Node gives and reply', () => {
  test('the handler as a table: what it reads and calls', () => {
    const cases: Array<[string, { headerNames: string[]; receiverCalls: string[] }]> = [
      ["const t = req.headers['Wechatpay-Timestamp']", { headerNames: ['Wechatpay-Timestamp'], receiverCalls: [] }],
      ["const { 'wechatpay-nonce': nonce } = req.headers", { headerNames: ['wechatpay-nonce'], receiverCalls: [] }],
      ['const event = await receive(req.headers, body)', { headerNames: [], receiverCalls: ['receive(req.headers, body)'] }],
    ]
    for (const [code, want] of cases) expect(readHandler(code)).toMatchObject(want)
  })

  test('docs/', () => {
    const webhooks = webhooksOf(docsDir)
    expect(webhooks.length).toBeGreaterThan(0)
    expect(checkExamples(webhooks)).toEqual([])
  })

  test.skipIf(!hasCorpus)('every webhook page of ../shared/corpus', () => {
    const webhooks = webhooksOf(corpusDir)
    const pages = listPages(corpusDir).filter((p) => /^webhook\/v[23]\//.test(p)).length
    console.log(`${webhooks.length} webhook handlers checked (${pages} webhook pages, the others redirects)`)
    expect(webhooks.length).toBeGreaterThan(0)
    expect(checkExamples(webhooks)).toEqual([])
  })
})
