import { describe, expect, test } from 'vitest'
import { bundleDeclarations } from '../../generator/emit/package/bundle-declarations.js'
import { groupModules } from '../../generator/emit/package/group-modules.js'

// Two pages' declaration files as the types emitter writes them: each opens the tree again from its root.
const page = (group: string, leaf: string) => `declare namespace WeChatPay {
  interface Wechatpay { v3: OpenAPI.V3 }
  namespace OpenAPI {
    export interface V3 { ${group.toLowerCase()}: V3.${group} }
    namespace V3 {
      export interface ${group} { ${leaf.toLowerCase()}: ${group}.${leaf} }
      namespace ${group} {
        export interface ${leaf} { get(): AxiosPromise<${leaf}.GetHttpMethod.WellformedResponse> }
        namespace ${leaf}.GetHttpMethod { export interface WellformedResponse { id: string } }
      }
    }
  }
}
`

describe('operation groups', () => {
  test('each first name under a version is taken out of the core into a module that augments it', () => {
    const { core, groups } = bundleDeclarations([
      ['types/a.d.ts', page('Pay', 'Native')],
      ['types/b.d.ts', page('Refund', 'Domestic')],
      ['types/c.d.ts', page('Pay', 'Jsapi')],
    ])
    expect(groups.map((g) => g.path)).toEqual(['v3/pay', 'v3/refund'])
    // The core keeps the root and an empty V3, and no group's types.
    expect(core).toContain('export interface V3 {\n\n}')
    expect(core).not.toMatch(/\b(Pay|Refund|Native|Domestic)\b/)
    const pay = groups[0]!.text
    expect(pay).toContain('export interface V3 {\n  pay: V3.Pay\n}')
    expect(pay).toMatch(/native: Pay\.Native[\s\S]*jsapi: Pay\.Jsapi/)
    expect(pay).not.toMatch(/\b(Refund|Domestic)\b/)
  })

  test('the modules: a file per group, the entry importing them all, and the subpaths in exports', () => {
    const { files, exports } = groupModules([
      { path: 'v3/refund', text: 'R' },
      { path: 'v3/pay', text: 'P' },
    ])
    expect([...files.keys()]).toEqual(['groups/v3/pay.d.ts', 'groups/v3/refund.d.ts', 'groups/types-only.js', 'index.d.ts', 'index.js'])
    expect(files.get('groups/v3/pay.d.ts')).toContain("declare module '../../declarations.js' {\nnamespace WeChatPay.OpenAPI {\nP\n}\n}")
    expect(files.get('index.d.ts')).toMatch(/import '\.\/groups\/v3\/pay\.js'\nimport '\.\/groups\/v3\/refund\.js'\nexport \* from '\.\/client\.js'\n$/)
    expect(exports).toEqual({
      '.': { types: './index.d.ts', default: './index.js' },
      './core': { types: './client.d.ts', default: './client.js' },
      './v3/pay': { types: './groups/v3/pay.d.ts', default: './groups/types-only.js' },
      './v3/refund': { types: './groups/v3/refund.d.ts', default: './groups/types-only.js' },
    })
  })

  test('groups whose names differ only in case get files that differ where file names ignore case', () => {
    const { files, exports } = groupModules([
      { path: 'v3/mchOperate', text: 'A' },
      { path: 'v3/mchoperate', text: 'B' },
    ])
    expect([...files.keys()].filter((path) => path.startsWith('groups/v3/'))).toEqual(['groups/v3/mchOperate.d.ts', 'groups/v3/mchoperate-2.d.ts'])
    expect(exports['./v3/mchoperate']).toEqual({ types: './groups/v3/mchoperate-2.d.ts', default: './groups/types-only.js' })
  })
})
