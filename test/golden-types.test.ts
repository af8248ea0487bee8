import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { docsDir, generated, hasSeeds, projectDir, seedsDir } from './helpers.js'

const SEED_PAGE = 'types/openapi/v2/secapi/pay/profitsharingreturn.d.ts'

/** Namespace → interface → member names (`()` for a call signature), in declaration order. */
type Shape = Record<string, Record<string, string[]>>

function shapeOf(text: string): Shape {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true)
  const shape: Shape = {}
  const visit = (node: ts.Node, namespace: string[]) => {
    if (ts.isModuleDeclaration(node)) {
      const name = [...namespace, node.name.getText()]
      // `namespace A.B {}` parses as A whose body is the declaration of B.
      if (node.body && ts.isModuleDeclaration(node.body)) visit(node.body, name)
      else if (node.body) ts.forEachChild(node.body, (child) => visit(child, name))
      return
    }
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      const members = ts.isInterfaceDeclaration(node) ? node.members : ts.isTypeLiteralNode(node.type) ? node.type.members : ts.factory.createNodeArray()
      const key = namespace.join('.') || '(module)'
      shape[key] ??= {}
      shape[key][node.name.text] = members.map((m) => (ts.isCallSignatureDeclaration(m) ? '()' : (m as ts.PropertySignature).name.getText()))
      return
    }
    ts.forEachChild(node, (child) => visit(child, namespace))
  }
  visit(file, [])
  return shape
}

/** The `virtual.ts` of seed 000's twoslash block. */
function seedVirtual(): string {
  const seed = readFileSync(join(seedsDir, '000_8f0655cc9acbf8b9.txt'), 'utf8')
  return seed.slice(seed.indexOf('// @filename: virtual.ts'), seed.indexOf('// @filename: business.js'))
}

describe('golden declarations of docs/', async () => {
  // The outputs of the page pipeline the CLI runs, in memory.
  const { outputs } = await generated(docsDir, ['types'])

  // `npx vitest -u` rewrites them; review the diff before committing.
  test.each([...outputs.keys()])('%s', async (path) => {
    await expect(outputs.get(path)).toMatchFileSnapshot(`fixtures/golden/${path.replace(/\.d\.ts$/, '')}.types.txt`)
    // The CLI wrote generated/ (with workers): it must agree.
    expect(readFileSync(join(projectDir, 'generated', path), 'utf8')).toBe(outputs.get(path))
  })

  test.skipIf(!hasSeeds)('the seed endpoint has seed 000’s namespaces, interfaces and members, with the listed differences', () => {
    const seed = shapeOf(seedVirtual())
    const ours = shapeOf(outputs.get(SEED_PAGE)!)
    const method = 'WeChatPay.OpenAPI.V2.Secapi.Pay.Profitsharingreturn.PostHttpMethod'
    // Differences from seed 000, each on purpose:
    // - XmlDataRequest has no `sign`: the page has no such row, and the runtime always computes and overwrites it.
    // - The root `Wechatpay` is declared once for all pages in types/index.d.ts, as `WeChatPay.Wechatpay`.
    const expected: Shape = structuredClone(seed)
    expected[method]!.XmlDataRequest = seed[method]!.XmlDataRequest!.filter((name) => name !== 'sign')
    delete expected['(module)']
    const sorted = (shape: Shape) =>
      Object.fromEntries(Object.entries(shape).map(([ns, interfaces]) => [ns, Object.fromEntries(Object.entries(interfaces).map(([n, m]) => [n, [...m].sort()]))]))
    expect(sorted(ours)).toEqual(sorted(expected))
    // The namespaces come in the seed's order: the method first, then each ancestor walking up.
    expect(Object.keys(ours)).toEqual(Object.keys(expected))
    expect(seed['(module)']?.Wechatpay).toEqual(['v2'])
    expect(shapeOf(outputs.get('types/index.d.ts')!).WeChatPay?.Wechatpay).toEqual(['v2', 'v3', 'client'])
  })

  test('the seed endpoint is typed more exactly than seed 000', () => {
    const text = outputs.get(SEED_PAGE)!
    // Optional rows are optional; the seed marks every member required.
    expect(text).toMatch(/^\s+sub_appid\?: string$/m)
    expect(text).toMatch(/^\s+out_return_no: string$/m)
    // Enums are literal unions; APIv2 replies are XML text, so integers arrive as strings.
    expect(text).toMatch(/^\s+sign_type: 'HMAC-SHA256'$/m)
    expect(text).toMatch(/^\s+result\?: 'SUCCESS' \| 'PROCESSING' \| 'FAILED'$/m)
    expect(text).toMatch(/^\s+return_amount: string$/m)
    expect(text).toMatch(/^\s+security: true$/m)
    // Every member of the request, config, reply and leaf interfaces carries JSDoc; the official link stands on the
    // verbs, as in seed 000, not on every declaration and property (a user's checker reads each line).
    const link = '[官方文档](https://pay.weixin.qq.com/wiki/doc/api/allocation_sp.php?chapter=25_7&index=9)'
    const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true)
    const members: ts.Node[] = []
    const linked: string[] = []
    const visit = (node: ts.Node) => {
      if (ts.isInterfaceDeclaration(node) && ['XmlDataRequest', 'RequestConfig', 'WellformedResponse', 'Profitsharingreturn'].includes(node.name.text)) {
        members.push(...node.members)
        if (node.getFullText().slice(0, node.getStart() - node.getFullStart()).includes(link)) linked.push(node.name.text)
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
    // 12 rows and nonce_str; data and security; 23 rows; the shortland and post.
    expect(members.length).toBe(13 + 2 + 23 + 2)
    expect(members.filter((m) => ts.getJSDocCommentsAndTags(m).length === 0).map((m) => m.getText())).toEqual([])
    expect(linked).toEqual([])
    const verbs = members.filter((m) => ts.isCallSignatureDeclaration(m) || ts.isMethodSignature(m))
    expect(verbs.filter((m) => m.getFullText().includes(link))).toHaveLength(2)
    expect(members.filter((m) => ts.isPropertySignature(m) && m.getFullText().includes(link))).toEqual([])
    // Leaving out `security: true` is refused as a missing argument; the JSDoc of the verb and its shortland says
    // what it needs.
    expect(verbs.filter((m) => m.getFullText().includes('@param config needs `security: true`'))).toHaveLength(2)
  })
})
