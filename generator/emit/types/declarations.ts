/**
 * The declarations the types emitter makes: plain data, laid out by `print-declarations.ts` exactly as prettier lays
 * out the same TypeScript, so that no generated text has to be parsed again to be formatted.
 */
export type Declaration = NamespaceDeclaration | InterfaceDeclaration | TypeAliasDeclaration | VariableDeclaration

export interface NamespaceDeclaration {
  kind: 'namespace'
  /** Dotted: `WeChatPay.OpenAPI.V3.Refunds`. */
  name: string
  /** `declare namespace` in an ambient file, `namespace` in a twoslash virtual.ts. */
  ambient: boolean
  body: Array<InterfaceDeclaration | TypeAliasDeclaration>
}

export interface InterfaceDeclaration {
  kind: 'interface'
  name: string
  /** JSDoc lines. */
  docs: string[]
  extends: string[]
  members: Array<PropertySignature | MethodSignature>
}

export interface TypeAliasDeclaration {
  kind: 'type-alias'
  name: string
  docs: string[]
  type: TypeNode
}

/** `export var name: Type`: a value a twoslash example uses. */
export interface VariableDeclaration {
  kind: 'variable'
  name: string
  type: TypeNode
}

export interface PropertySignature {
  kind: 'property'
  /** As written: bare or quoted. */
  key: string
  optional: boolean
  type: TypeNode
  docs: string[]
}

/** A method, or a call signature when `name` is absent. */
export interface MethodSignature {
  kind: 'method'
  name?: string
  parameters: Parameter[]
  returns: TypeNode
  docs: string[]
}

export interface Parameter {
  name: string
  optional: boolean
  type: TypeNode
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
  members: PropertySignature[]
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
