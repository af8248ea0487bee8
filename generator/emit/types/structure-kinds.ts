import type { ModuleDeclarationKind, StructureKind, VariableDeclarationKind } from 'ts-morph'

/**
 * The `kind` values of the ts-morph structures the declaration model uses. ts-morph is imported for its types only,
 * so the page workers never load it (nor the TypeScript compiler it bundles); each value is typed as its enum member,
 * so the compiler rejects a value that is not ts-morph's.
 */
export const Kind: {
  readonly CallSignature: StructureKind.CallSignature
  readonly Interface: StructureKind.Interface
  readonly MethodSignature: StructureKind.MethodSignature
  readonly Module: StructureKind.Module
  readonly Parameter: StructureKind.Parameter
  readonly PropertySignature: StructureKind.PropertySignature
  readonly TypeAlias: StructureKind.TypeAlias
  readonly VariableStatement: StructureKind.VariableStatement
} = { CallSignature: 1, Interface: 19, MethodSignature: 28, Module: 29, Parameter: 30, PropertySignature: 33, TypeAlias: 38, VariableStatement: 41 }

export const NAMESPACE = 'namespace' as ModuleDeclarationKind.Namespace
export const VAR = 'var' as VariableDeclarationKind.Var
