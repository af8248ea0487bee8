import { format } from 'prettier'
import { describe, expect, test } from 'vitest'
import type { Declaration, PropertySignature, TypeNode } from '../../generator/emit/types/declarations.js'
import { indexed, reference } from '../../generator/emit/types/declarations.js'
import { declarationsDoc, printDoc, PRETTIER } from '../../generator/emit/types/print-declarations.js'

const literal = (text: string): TypeNode => ({ kind: 'literal', text })
const union = (...types: TypeNode[]): TypeNode => ({ kind: 'union', types })
const property = (key: string, type: TypeNode, docs: string[] = [], optional = false): PropertySignature => ({ kind: 'property', key, optional, type, docs })
const object = (...members: PropertySignature[]): TypeNode => ({ kind: 'object', members })
const iface = (name: string, ...members: PropertySignature[]): Declaration => ({ kind: 'interface', name, docs: [], extends: [], members })
const namespace = (...body: Extract<Declaration, { kind: 'interface' | 'type-alias' }>[]): Declaration => ({ kind: 'namespace', name: 'N', ambient: true, body })
/** Enum literals long enough to pass 120 columns together. */
const names = Array.from({ length: 12 }, (_, i) => `'COLOR_${String(i).padStart(3, '0')}'`)
const colors = names.map(literal)

// Each `want` is what prettier itself makes of the code (checked below), so the table pins prettier's layout.
const cases: Array<[string, Declaration[], string]> = [
  ['a short union stays on its line', [iface('A', property('t', union(literal("'A'"), literal("'B'")), [], true))], "export interface A {\n  t?: 'A' | 'B'\n}\n"],
  [
    'a long union breaks after the colon, one member a line',
    [iface('A', property('color', union(...colors.slice(0, 10))))],
    `export interface A {\n  color:\n${names.slice(0, 10).map((name) => `    | ${name}\n`).join('')}}\n`,
  ],
  [
    'a long union in Array<…> breaks inside the brackets, unindented',
    [iface('A', property('days', { kind: 'generic', name: 'Array', args: [union(...colors)] }))],
    `export interface A {\n  days: Array<\n${names.map((name) => `    | ${name}\n`).join('')}  >\n}\n`,
  ],
  [
    'one-line and multi-line JSDoc; members of literals always get blocks',
    [iface('A', property('o', object(property('x', reference('string'), ['inner'])), ['outer', '@link https://example.com/']))],
    'export interface A {\n  /**\n   * outer\n   * @link https://example.com/\n   */\n  o: {\n    /**\n     * inner\n     */\n    x: string\n  }\n}\n',
  ],
  [
    'a method that does not fit breaks its parameters, with a trailing comma',
    [
      {
        kind: 'interface',
        name: 'Leaf',
        docs: [],
        extends: [],
        members: [
          {
            kind: 'method',
            name: 'post',
            docs: ['shortland'],
            parameters: [
              { name: 'data', optional: false, type: reference('Leaf.PostHttpMethod.JsonDataRequestWithAVeryLongName') },
              { name: 'config', optional: true, type: reference('Leaf.PostHttpMethod.RequestConfig') },
            ],
            returns: { kind: 'generic', name: 'AxiosPromise', args: [reference('Leaf.PostHttpMethod.WellformedResponse')] },
          },
          { kind: 'method', name: 'get', docs: [], parameters: [], returns: reference('void') },
        ],
      },
    ],
    'export interface Leaf {\n  /** shortland */\n  post(\n    data: Leaf.PostHttpMethod.JsonDataRequestWithAVeryLongName,\n    config?: Leaf.PostHttpMethod.RequestConfig,\n  ): AxiosPromise<Leaf.PostHttpMethod.WellformedResponse>\n  get(): void\n}\n',
  ],
  [
    'a union of objects as a type alias breaks after `=`, objects aligned under `| `',
    [{ kind: 'type-alias', name: 'P', docs: [], type: union(object(property('a', reference('string'))), { kind: 'generic', name: 'Array', args: [object(property('b', reference('number')))] }) }],
    'export type P =\n  | {\n      a: string\n    }\n  | Array<{\n      b: number\n    }>\n',
  ],
  [
    'an object and a union of variants: the union in parentheses',
    [namespace({ kind: 'type-alias', name: 'V', docs: ['variants'], type: { kind: 'intersection', types: [object(property('c', reference('string'))), union(object(property('x', literal('true'))), object(property('y', literal('true'))))] } })],
    "declare namespace N {\n  /** variants */\n  export type V = {\n    c: string\n  } & (\n    | {\n        x: true\n      }\n    | {\n        y: true\n      }\n  )\n}\n",
  ],
  [
    'an index signature and an empty interface stay on one line; extends',
    [
      iface('I', property('keys', { kind: 'object', members: [], index: '[key: string]: unknown' })),
      { kind: 'interface', name: 'WellformedResponse', docs: ['No body.'], extends: ['ReadStream'], members: [] },
    ],
    'export interface I {\n  keys: { [key: string]: unknown }\n}\n\n/** No body. */\nexport interface WellformedResponse extends ReadStream {}\n',
  ],
  [
    'a long type argument of an indexed access breaks inside <…>',
    [{ kind: 'variable', name: 'redirect_uri', type: indexed({ kind: 'generic', name: 'NonNullable', args: [indexed(reference('WeChatPay.OpenAPI.V2.Appauth.Authindex.GetHttpMethod.RequestConfig'), "'params'")] }, "'redirect_uri'") }],
    "export var redirect_uri: NonNullable<\n  WeChatPay.OpenAPI.V2.Appauth.Authindex.GetHttpMethod.RequestConfig['params']\n>['redirect_uri']\n",
  ],
  [
    'a type alias whose name does not fit moves the type to the next line',
    [{ kind: 'type-alias', name: 'RequestBody', docs: [], type: reference('WeChatPay.OpenAPI.V3.Marketing.Partnerships.Some.Very.Long.Path.DeleteHttpMethod.JsonDataRequest') }],
    'export type RequestBody =\n  WeChatPay.OpenAPI.V3.Marketing.Partnerships.Some.Very.Long.Path.DeleteHttpMethod.JsonDataRequest\n',
  ],
]

describe('declarations are laid out as prettier lays them out', () => {
  test.each(cases)('%s', async (_, declarations, want) => {
    expect(printDoc(declarationsDoc(declarations))).toBe(want)
    expect(await format(want, PRETTIER)).toBe(want)
  })
})
