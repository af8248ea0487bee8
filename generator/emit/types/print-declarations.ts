import { builders, printer } from 'prettier/doc'
import type { CallSignature, Declaration, Method, Parameter, Property, TypeNode } from './declarations.js'
import { assertNever } from './doc-comment.js'
import { Kind } from './structure-kinds.js'

export type Doc = builders.Doc

/** Lays a document out as text: `printDoc`, or a timed wrapper of it. */
export type Format = (doc: Doc) => string

const { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, lineSuffixBoundary, softline } = builders

/** The prettier options the layout follows; `prettier.format` with them leaves every printed file unchanged. */
export const PRETTIER = { parser: 'typescript', semi: false, singleQuote: true, printWidth: 120 } as const

const LAYOUT = { printWidth: PRETTIER.printWidth, tabWidth: 2, useTabs: false }

/**
 * Declarations as a prettier document: the one prettier's TypeScript printer builds for the same code, so that
 * `printDoc` lays it out exactly as `prettier.format` would, without parsing text we have just written.
 * Statements are separated by a blank line.
 */
export function declarationsDoc(declarations: Declaration[], separator: 'blank-line' | 'line' = 'blank-line'): Doc {
  return join(separator === 'line' ? hardline : [hardline, hardline], declarations.map(statementDoc))
}

/** The text of a document, ending with a newline. */
export function printDoc(doc: Doc): string {
  return printer.printDocToString([doc, hardline], LAYOUT).formatted
}


function statementDoc(declaration: Declaration): Doc {
  switch (declaration.kind) {
    case Kind.Module: {
      const { statements } = declaration
      const body = statements.length ? ['{', indent([hardline, join([hardline, hardline], statements.map(statementDoc))]), hardline, '}'] : '{}'
      return [declaration.hasDeclareKeyword ? 'declare ' : '', 'namespace ', declaration.name, ' ', body]
    }
    case Kind.Interface: {
      const heritage = declaration.extends.length ? group(indent([line, 'extends ', join([',', line], declaration.extends)])) : ''
      const members = [...declaration.callSignatures.map(methodDoc), ...declaration.properties.map((p) => propertyDoc(p)), ...declaration.methods.map(methodDoc)]
      const body = members.length ? ['{', indent([hardline, join(hardline, members)]), hardline, '}'] : '{}'
      return [docsDoc(declaration.docs), 'export interface ', declaration.name, heritage, ' ', body]
    }
    case Kind.TypeAlias: {
      // prettier's "fluid" assignment layout: break after `=` only when the type cannot start on the same line.
      const id = Symbol('type-alias')
      const type = typeDoc(declaration.type.node, 'annotation')
      return [docsDoc(declaration.docs), group(['export type ', declaration.name, ' =', group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(type, { groupId: id })])]
    }
    case Kind.VariableStatement: {
      const [{ name, type }] = declaration.declarations
      return ['export var ', name, ': ', typeDoc(type.node, 'annotation')]
    }
    default:
      return assertNever(declaration)
  }
}

/** The text of a type as the layout prints it where a type annotation stands: what a structure's writer writes. */
export function typeText(type: TypeNode): string {
  return printer.printDocToString(typeDoc(type, 'annotation'), LAYOUT).formatted
}

/** A structure's JSDoc comments (the model writes at most one). */
function docsDoc(docs: string[]): Doc {
  return docs.map((text) => docComment([text]))
}

/** A JSDoc block; one line stays `/** … *\/`. */
function docComment(lines: string[]): Doc {
  const split = lines.flatMap((text) => text.split('\n'))
  if (split.length === 0) return ''
  if (split.length === 1) return [`/** ${split[0]} */`, hardline]
  return ['/**', ...split.map((text) => [hardline, ` * ${text}`.trimEnd()]), hardline, ' */', hardline]
}

function propertyDoc(property: Property): Doc {
  return [docsDoc(property.docs), property.name, property.hasQuestionToken ? '?' : '', ': ', typeDoc(property.type.node, 'annotation')]
}

/** A method, or a call signature (no name). */
function methodDoc(method: Method | CallSignature): Doc {
  const parameters = method.parameters.length
    ? ['(', indent([softline, join([',', line], method.parameters.map(parameterDoc))]), ifBreak(','), softline, ')']
    : '()'
  const name = method.kind === Kind.MethodSignature ? method.name : ''
  return [docsDoc(method.docs), group([name, parameters, group([': ', typeDoc(method.returnType.node, 'annotation')])])]
}

function parameterDoc(parameter: Parameter): Doc {
  return [parameter.name, parameter.hasQuestionToken ? '?' : '', ': ', typeDoc(parameter.type.node, 'annotation')]
}

/** Where a type sits decides how a union breaks: indented after `:` or `=`, flush in `<…>`, parenthesized in `&`. */
type Position = 'annotation' | 'argument' | 'operand'

function typeDoc(type: TypeNode, position: Position): Doc {
  switch (type.kind) {
    case 'reference':
      return type.name
    case 'literal':
      return type.text
    case 'object': {
      if (type.index !== undefined) return group(['{', indent([line, type.index]), line, '}'])
      if (type.members.length === 0) return '{}'
      // Written with a line break after `{`, which prettier keeps.
      return group(['{', indent([line, join(line, type.members.map((m) => propertyDoc(m)))]), line, '}'], { shouldBreak: true })
    }
    case 'array':
      return [typeDoc(type.items, 'operand'), '[]']
    case 'generic': {
      const [only, ...more] = type.args
      const args = type.args.map((arg) => typeDoc(arg, 'argument'))
      if (only && more.length === 0 && hugs(only)) return [type.name, '<', args, '>']
      return [type.name, group(['<', indent([softline, join([',', line], args)]), softline, '>'])]
    }
    case 'indexed':
      return [typeDoc(type.object, 'operand'), '[', type.index, ']']
    case 'union':
      return unionDoc(type.types, position)
    case 'intersection':
      return intersectionDoc(type.types)
    default:
      return assertNever(type)
  }
}

function unionDoc(types: TypeNode[], position: Position): Doc {
  const printed = types.map((t) => typeDoc(t, 'operand'))
  if (hugsUnion(types)) return join(' | ', printed)
  const options = group(printed.map((doc, i) => [i === 0 ? ifBreak('| ') : [line, '| '], align(2, doc)]))
  switch (position) {
    case 'operand':
      return ['(', group([indent([softline, options]), softline]), ')']
    case 'argument':
      return options
    case 'annotation':
      return group(indent([softline, options]))
    default:
      return assertNever(position)
  }
}

/** Objects next to each other stay on the line; other operands move to the next line when the group breaks. */
function intersectionDoc(types: TypeNode[]): Doc {
  let indented = false
  return group(
    types.map((type, i) => {
      const doc = typeDoc(type, 'operand')
      if (i === 0) return doc
      const object = isObject(type)
      const previous = isObject(types[i - 1]!)
      if (object && previous) return [' & ', indented ? indent(doc) : doc]
      if (!object && !previous) return indent([' &', line, doc])
      if (i > 1) indented = true
      return [' & ', i > 1 ? indent(doc) : doc]
    }),
  )
}

const isObject = (type: TypeNode) => type.kind === 'object'

/** `Array<{…}>` and `AxiosPromise<Name>` keep their brackets on the line. */
function hugs(type: TypeNode): boolean {
  return type.kind === 'reference' || type.kind === 'object' || (type.kind === 'union' && hugsUnion(type.types))
}

/** `{…} | null`: one object-like type and only `null`/`void` besides. */
function hugsUnion(types: TypeNode[]): boolean {
  const objectLike = types.find((t) => t.kind === 'object' || t.kind === 'generic' || (t.kind === 'reference' && !KEYWORDS.has(t.name)))
  return objectLike !== undefined && types.every((t) => t === objectLike || (t.kind === 'reference' && (t.name === 'null' || t.name === 'void')))
}

const KEYWORDS = new Set(['string', 'number', 'boolean', 'unknown', 'never', 'null', 'void', 'undefined', 'any', 'object', 'bigint', 'symbol'])
