import { Node, StructureKind, type InterfaceDeclaration, type JSDocableNode, type ModuleDeclaration, type ParameterDeclaration, type PropertySignature, type SourceFile, type TypeAliasDeclaration, type TypeLiteralNode, type TypeNode as TsTypeNode } from 'ts-morph'
import type { Property, TypeNode } from '../../generator/emit/types/declarations.js'

/**
 * Declarations read back from a file with ts-morph, as the declaration model writes them, every `TypeWriter`
 * replaced by its type tree (`plain` does the same to a model), so that the two compare with `toEqual`. The kinds are
 * ts-morph's own `StructureKind` values, so a wrong constant in the model shows as a difference.
 */
export function readStructures(file: SourceFile): unknown[] {
  return file.getStatements().map((statement) => {
    if (Node.isModuleDeclaration(statement)) return readNamespace(statement)
    if (Node.isInterfaceDeclaration(statement)) return readInterface(statement)
    if (Node.isTypeAliasDeclaration(statement)) return readTypeAlias(statement)
    if (Node.isVariableStatement(statement)) {
      const declarations = statement.getDeclarations().map((d) => ({ name: d.getName(), type: readType(d.getTypeNodeOrThrow()) }))
      return { kind: StructureKind.VariableStatement, isExported: statement.isExported(), declarationKind: statement.getDeclarationKind(), declarations }
    }
    throw new Error(`Unexpected ${statement.getKindName()} at ${statement.getStartLineNumber()}`)
  })
}

/** A model with each `TypeWriter` replaced by its type tree. */
export function plain(value: unknown): unknown {
  if (typeof value === 'function' && 'node' in value) return plain(value.node)
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]))
  return value
}

function readNamespace(node: ModuleDeclaration): unknown {
  const statements = node.getStatements().map((s) => {
    if (Node.isInterfaceDeclaration(s)) return readInterface(s)
    if (Node.isTypeAliasDeclaration(s)) return readTypeAlias(s)
    throw new Error(`Unexpected ${s.getKindName()} in a namespace at ${s.getStartLineNumber()}`)
  })
  return { kind: StructureKind.Module, name: node.getName(), declarationKind: node.getDeclarationKind(), hasDeclareKeyword: node.hasDeclareKeyword(), statements }
}

function readInterface(node: InterfaceDeclaration): unknown {
  return {
    kind: StructureKind.Interface,
    isExported: node.isExported(),
    name: node.getName(),
    docs: docsOf(node),
    extends: node.getExtends().map((e) => e.getText()),
    callSignatures: node.getCallSignatures().map((c) => ({ kind: StructureKind.CallSignature, docs: docsOf(c), parameters: c.getParameters().map(readParameter), returnType: readType(c.getReturnTypeNodeOrThrow()) })),
    properties: membersOf(node),
    methods: node.getMethods().map((m) => ({ kind: StructureKind.MethodSignature, name: m.getName(), docs: docsOf(m), parameters: m.getParameters().map(readParameter), returnType: readType(m.getReturnTypeNodeOrThrow()) })),
  }
}

function readTypeAlias(node: TypeAliasDeclaration): unknown {
  return { kind: StructureKind.TypeAlias, isExported: node.isExported(), name: node.getName(), docs: docsOf(node), type: readType(node.getTypeNodeOrThrow()) }
}

/**
 * Properties, and index signatures as the model writes a numbered family of keys: a property named by the
 * signature's head (`[key: \`coupon_type_${number}\`]`), never optional.
 */
function membersOf(node: InterfaceDeclaration | TypeLiteralNode): unknown[] {
  return node.getMembers().flatMap((member) => {
    if (Node.isPropertySignature(member)) return [readProperty(member)]
    if (!Node.isIndexSignatureDeclaration(member)) return []
    const name = `[${member.getKeyName()}: ${member.getKeyTypeNode().getText()}]`
    return [{ kind: StructureKind.PropertySignature, name, hasQuestionToken: false, type: readType(member.getReturnTypeNodeOrThrow()), docs: docsOf(member) }]
  })
}

function readProperty(node: PropertySignature): unknown {
  return { kind: StructureKind.PropertySignature, name: node.getNameNode().getText(), hasQuestionToken: node.hasQuestionToken(), type: readType(node.getTypeNodeOrThrow()), docs: docsOf(node) }
}

function readParameter(node: ParameterDeclaration): unknown {
  return { kind: StructureKind.Parameter, name: node.getName(), hasQuestionToken: node.hasQuestionToken(), type: readType(node.getTypeNodeOrThrow()) }
}

/** Each JSDoc comment as its lines, `\n`-separated. */
function docsOf(node: JSDocableNode): string[] {
  return node.getJsDocs().map((doc) => doc.getInnerText())
}

/** A type node as the model's type tree. */
function readType(node: TsTypeNode): TypeNode {
  if (Node.isParenthesizedTypeNode(node)) return readType(node.getTypeNode())
  if (Node.isUnionTypeNode(node)) return { kind: 'union', types: node.getTypeNodes().map(readType) }
  if (Node.isIntersectionTypeNode(node)) return { kind: 'intersection', types: node.getTypeNodes().map(readType) }
  if (Node.isArrayTypeNode(node)) return { kind: 'array', items: readType(node.getElementTypeNode()) }
  if (Node.isIndexedAccessTypeNode(node)) return { kind: 'indexed', object: readType(node.getObjectTypeNode()), index: node.getIndexTypeNode().getText() }
  if (Node.isTypeReference(node)) {
    const args = node.getTypeArguments()
    const name = node.getTypeName().getText()
    return args.length > 0 ? { kind: 'generic', name, args: args.map(readType) } : { kind: 'reference', name }
  }
  if (Node.isTypeLiteral(node)) {
    const [index, ...more] = node.getIndexSignatures()
    if (index && more.length === 0 && node.getMembers().length === 1 && index.getKeyTypeNode().getText() === 'string') return { kind: 'object', members: [], index: index.getText() }
    return { kind: 'object', members: membersOf(node) as Property[] }
  }
  // `[]` is written as a literal, `null` as a name (`T | null`).
  if (Node.isTupleTypeNode(node) && node.getElements().length === 0) return { kind: 'literal', text: '[]' }
  if (Node.isLiteralTypeNode(node)) return node.getText() === 'null' ? { kind: 'reference', name: 'null' } : { kind: 'literal', text: node.getText() }
  // Keywords (`string`, `unknown`, `never`) are names in the model.
  if (/^[a-z]+$/.test(node.getText())) return { kind: 'reference', name: node.getText() }
  throw new Error(`Unexpected type ${node.getKindName()} \`${node.getText()}\` at line ${node.getStartLineNumber()}`)
}

