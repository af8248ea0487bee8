import { format } from 'prettier'
import { describe, expect, test } from 'vitest'
import type { Declaration, Interface, Parameter, Property, TypeAlias, TypeNode } from '../../generator/emit/types/declarations.js'
import { indexed, jsDoc, reference, typed } from '../../generator/emit/types/declarations.js'
import { interfaceOf } from '../../generator/emit/types/declare-object.js'
import { declarationsDoc, printDoc, PRETTIER } from '../../generator/emit/types/print-declarations.js'
import { Kind, NAMESPACE, VAR } from '../../generator/emit/types/structure-kinds.js'

const literal = (text: string): TypeNode => ({ kind: 'literal', text })
const union = (...types: TypeNode[]): TypeNode => ({ kind: 'union', types })
const property = (name: string, type: TypeNode, docs: string[] = [], optional = false): Property => ({ kind: Kind.PropertySignature, name, hasQuestionToken: optional, type: typed(type), docs: jsDoc(docs) })
const object = (...members: Property[]): TypeNode => ({ kind: 'object', members })
const iface = (name: string, ...properties: Property[]): Declaration => interfaceOf(name, [], [], properties)
const namespace = (...statements: Array<Interface | TypeAlias>): Declaration => ({ kind: Kind.Module, name: 'N', declarationKind: NAMESPACE, hasDeclareKeyword: true, statements })
const alias = (name: string, docs: string[], type: TypeNode): TypeAlias => ({ kind: Kind.TypeAlias, isExported: true, name, docs: jsDoc(docs), type: typed(type) })
const parameter = (name: string, type: TypeNode, optional: boolean): Parameter => ({ kind: Kind.Parameter, name, hasQuestionToken: optional, type: typed(type) })
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
    'one-line and multi-line JSDoc, in interfaces and in literals alike',
    [iface('A', property('o', object(property('x', reference('string'), ['inner'])), ['outer', '[官方文档](https://example.com/)']))],
    'export interface A {\n  /**\n   * outer\n   * [官方文档](https://example.com/)\n   */\n  o: {\n    /** inner */\n    x: string\n  }\n}\n',
  ],
  [
    'a method that does not fit breaks its parameters, with a trailing comma',
    [
      {
        ...interfaceOf('Leaf', [], [], []),
        methods: [
          {
            kind: Kind.MethodSignature,
            name: 'post',
            docs: ['shortland'],
            parameters: [parameter('data', reference('Leaf.PostHttpMethod.JsonDataRequestWithAVeryLongName'), false), parameter('config', reference('Leaf.PostHttpMethod.RequestConfig'), true)],
            returnType: typed({ kind: 'generic', name: 'AxiosPromise', args: [reference('Leaf.PostHttpMethod.WellformedResponse')] }),
          },
          { kind: Kind.MethodSignature, name: 'get', docs: [], parameters: [], returnType: typed(reference('void')) },
        ],
      },
    ],
    'export interface Leaf {\n  /** shortland */\n  post(\n    data: Leaf.PostHttpMethod.JsonDataRequestWithAVeryLongName,\n    config?: Leaf.PostHttpMethod.RequestConfig,\n  ): AxiosPromise<Leaf.PostHttpMethod.WellformedResponse>\n  get(): void\n}\n',
  ],
  [
    'a union of objects as a type alias breaks after `=`, objects aligned under `| `',
    [alias('P', [], union(object(property('a', reference('string'))), { kind: 'generic', name: 'Array', args: [object(property('b', reference('number')))] }))],
    'export type P =\n  | {\n      a: string\n    }\n  | Array<{\n      b: number\n    }>\n',
  ],
  [
    'an object and a union of variants: the union in parentheses',
    [namespace(alias('V', ['variants'], { kind: 'intersection', types: [object(property('c', reference('string'))), union(object(property('x', literal('true'))), object(property('y', literal('true'))))] }))],
    "declare namespace N {\n  /** variants */\n  export type V = {\n    c: string\n  } & (\n    | {\n        x: true\n      }\n    | {\n        y: true\n      }\n  )\n}\n",
  ],
  [
    'an index signature and an empty interface stay on one line; extends',
    [
      iface('I', property('keys', { kind: 'object', members: [], index: '[key: string]: unknown' })),
      interfaceOf('WellformedResponse', ['No body.'], ['ReadStream'], []),
    ],
    'export interface I {\n  keys: { [key: string]: unknown }\n}\n\n/** No body. */\nexport interface WellformedResponse extends ReadStream {}\n',
  ],
  [
    'a long type argument of an indexed access breaks inside <…>',
    [{ kind: Kind.VariableStatement, isExported: true, declarationKind: VAR, declarations: [{ name: 'redirect_uri', type: typed(indexed({ kind: 'generic', name: 'NonNullable', args: [indexed(reference('WeChatPay.OpenAPI.V2.Appauth.Authindex.GetHttpMethod.RequestConfig'), "'params'")] }, "'redirect_uri'")) }] }],
    "export var redirect_uri: NonNullable<\n  WeChatPay.OpenAPI.V2.Appauth.Authindex.GetHttpMethod.RequestConfig['params']\n>['redirect_uri']\n",
  ],
  [
    'a type alias whose name does not fit moves the type to the next line',
    [alias('RequestBody', [], reference('WeChatPay.OpenAPI.V3.Marketing.Partnerships.Some.Very.Long.Path.DeleteHttpMethod.JsonDataRequest'))],
    'export type RequestBody =\n  WeChatPay.OpenAPI.V3.Marketing.Partnerships.Some.Very.Long.Path.DeleteHttpMethod.JsonDataRequest\n',
  ],
]

describe('declarations are laid out as prettier lays them out', () => {
  test.each(cases)('%s', async (_, declarations, want) => {
    expect(printDoc(declarationsDoc(declarations))).toBe(want)
    expect(await format(want, PRETTIER)).toBe(want)
  })
})
