import type {
  CallSignatureDeclarationStructure,
  CodeBlockWriter,
  InterfaceDeclarationStructure,
  MethodSignatureStructure,
  ModuleDeclarationKind,
  ModuleDeclarationStructure,
  ParameterDeclarationStructure,
  PropertySignatureStructure,
  StructureKind,
  TypeAliasDeclarationStructure,
  VariableDeclarationKind,
  VariableStatementStructure,
  WriterFunction,
} from 'ts-morph'
import { typeText } from './print-declarations.js'

/**
 * The declarations the types emitter makes, as ts-morph structures: the plain-data model of declarations every
 * TypeScript tool author knows, narrowed to what the emitter writes. `print-declarations.ts` lays them out exactly
 * as prettier lays out the same TypeScript, so no generated text is parsed again to be formatted; ts-morph's own
 * printer takes them as they are (a test prints them both ways). ts-morph is imported for types only.
 *
 * Each structure's JSDoc is `docs`: none, or one comment whose lines are `\n`-separated. A type is a ts-morph
 * `WriterFunction` that carries its type tree (`TypeWriter`), which the layout reads.
 */
export type Declaration = Namespace | Interface | TypeAlias | Variable

export interface Namespace extends ModuleDeclarationStructure {
  kind: StructureKind.Module
  /** Dotted: `WeChatPay.OpenAPI.V3.Refunds`. */
  name: string
  declarationKind: ModuleDeclarationKind.Namespace
  /** `declare namespace` in an ambient file, `namespace` in a twoslash virtual.ts. */
  hasDeclareKeyword: boolean
  statements: Array<Interface | TypeAlias>
}

export interface Interface extends InterfaceDeclarationStructure {
  kind: StructureKind.Interface
  isExported: true
  docs: string[]
  extends: string[]
  /** Printed first: a leaf segment's call signature, then `properties`, then `methods`. */
  callSignatures: CallSignature[]
  properties: Property[]
  methods: Method[]
}

export interface TypeAlias extends TypeAliasDeclarationStructure {
  kind: StructureKind.TypeAlias
  isExported: true
  docs: string[]
  type: TypeWriter
}

/** `export var name: Type`: a value a twoslash example uses. */
export interface Variable extends VariableStatementStructure {
  kind: StructureKind.VariableStatement
  isExported: true
  declarationKind: VariableDeclarationKind.Var
  declarations: [{ name: string; type: TypeWriter }]
}

export interface Property extends PropertySignatureStructure {
  kind: StructureKind.PropertySignature
  /** As written: bare or quoted. */
  name: string
  hasQuestionToken: boolean
  type: TypeWriter
  docs: string[]
}

export interface Method extends MethodSignatureStructure {
  kind: StructureKind.MethodSignature
  docs: string[]
  parameters: Parameter[]
  returnType: TypeWriter
}

export interface CallSignature extends CallSignatureDeclarationStructure {
  kind: StructureKind.CallSignature
  docs: string[]
  parameters: Parameter[]
  returnType: TypeWriter
}

export interface Parameter extends ParameterDeclarationStructure {
  kind: StructureKind.Parameter
  hasQuestionToken: boolean
  type: TypeWriter
}

/** A type in a structure: writes its text for ts-morph, and keeps its tree for the layout. */
export interface TypeWriter extends WriterFunction {
  readonly node: TypeNode
}

export type TypeNode = ReferenceType | LiteralType | ObjectType | ArrayType | GenericType | IndexedType | UnionType | IntersectionType

/** A keyword or a type name without arguments: `string`, `Refunds.PostHttpMethod.RequestConfig`. */
export interface ReferenceType {
  kind: 'reference'
  name: string
}

/** A literal type as written: `'MD5'`, `100`, `true`, `[]`. */
export interface LiteralType {
  kind: 'literal'
  text: string
}

/** `{ … }`: property members, or one index signature (`[key: string]: unknown`). */
export interface ObjectType {
  kind: 'object'
  members: Property[]
  index?: string
}

/** `T[]`. */
export interface ArrayType {
  kind: 'array'
  items: TypeNode
}

/** `Array<T>`, `AxiosPromise<T>`. */
export interface GenericType {
  kind: 'generic'
  name: string
  args: TypeNode[]
}

/** `T['key']`. */
export interface IndexedType {
  kind: 'indexed'
  object: TypeNode
  /** A literal type as written: `'mch_id'`. */
  index: string
}

export interface UnionType {
  kind: 'union'
  types: TypeNode[]
}

export interface IntersectionType {
  kind: 'intersection'
  types: TypeNode[]
}

export const reference = (name: string): ReferenceType => ({ kind: 'reference', name })

export const indexed = (object: TypeNode, index: string): IndexedType => ({ kind: 'indexed', object, index })

/** A type for a structure's `type` or `returnType`. */
export function typed(node: TypeNode): TypeWriter {
  const writer = (into: CodeBlockWriter) => void into.write(typeText(node))
  writer.node = node
  return writer
}

/** The `docs` of a structure: one JSDoc comment of these lines, or none. Line ends are trimmed, as printed. */
export function jsDoc(lines: string[]): string[] {
  return lines.length > 0 ? [lines.map((line) => line.trimEnd()).join('\n')] : []
}
