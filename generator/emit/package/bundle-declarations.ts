import { ts } from 'ts-morph'

/** One namespace of the bundle: its own statements, its interfaces merged, its namespaces nested. */
interface Scope {
  statements: Set<string>
  interfaces: Map<string, MergedInterface>
  namespaces: Map<string, Scope>
}

interface MergedInterface {
  /** The first declaration's JSDoc and head (`export interface X extends Y`). */
  head: string
  /** Members by name; call signatures by their text. The first declaration of a name wins. */
  members: Map<string, Member>
}

interface Member {
  text: string
  /** A property's name and the interface its type names (`pay: V3.Pay` → `pay`, `Pay`). */
  property?: { name: string; target: string }
}

/** An operation group: the calls under one name of `wxpay.v3` or `wxpay.v2`, in a module of its own. */
export interface OperationGroup {
  /** `v3/pay`: the package's subpath for the group, and its file under `groups/`. */
  path: string
  /** The declarations that add the group to the chain: a module augmentation of the core file. */
  text: string
}

/** Where the chain's version interfaces (`V2`, `V3`) and their namespaces are declared. */
const VERSIONS_SCOPE = ['WeChatPay', 'OpenAPI']

/**
 * The page declaration files as one file with one declaration per namespace and per interface. Each page file opens
 * `WeChatPay.OpenAPI.V3…` again and repeats its ancestors' chain members (`v3: OpenAPI.V3`), so a namespace such as
 * `WeChatPay` has thousands of declarations; TypeScript walks them all to name a type in a hover (quickinfo took
 * 150-260 ms on the corpus) and parses and binds each repeat. The bundle nests them once, members deduplicated.
 */
export function bundleDeclarations(files: ReadonlyArray<readonly [path: string, text: string]>): { core: string; groups: OperationGroup[] } {
  const root = scope()
  const directives = new Set<string>()
  for (const [path, text] of files) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
    for (const ref of source.typeReferenceDirectives) directives.add(`/// <reference types="${ref.fileName}" />`)
    for (const statement of source.statements) add(root, statement, source)
  }
  const groups = splitGroups(root)
  return { core: `${[...directives].sort().join('\n')}\n\n${print(root, true)}\n`, groups }
}

/**
 * Takes each operation group out of the tree: the version interface's member (`pay: V3.Pay`), the interface it names
 * and that interface's namespace. An app that imports only the groups it calls has the checker parse and bind only
 * those; the declarations of the whole corpus cost its `tsc` 1.4 times the untyped time, its groups 1.1 times.
 */
function splitGroups(root: Scope): OperationGroup[] {
  const versions = VERSIONS_SCOPE.reduce<Scope | undefined>((scope, name) => scope?.namespaces.get(name), root)
  if (versions === undefined) return []
  const groups: OperationGroup[] = []
  for (const [version, chain] of versions.interfaces) {
    const types = versions.namespaces.get(version)
    for (const [key, member] of chain.members) {
      if (member.property === undefined || types === undefined) continue
      const { name, target } = member.property
      const group = scope()
      group.interfaces.set(version, { head: chain.head, members: new Map([[key, member]]) })
      const inner = child(group, version)
      move(types.interfaces, inner.interfaces, target)
      move(types.namespaces, inner.namespaces, target)
      chain.members.delete(key)
      groups.push({ path: `${version.toLowerCase()}/${name}`, text: print(group) })
    }
    if (types !== undefined && types.interfaces.size + types.namespaces.size + types.statements.size === 0) versions.namespaces.delete(version)
  }
  return groups
}

function move<T>(from: Map<string, T>, to: Map<string, T>, name: string): void {
  const found = from.get(name)
  if (found === undefined) return
  to.set(name, found)
  from.delete(name)
}

function scope(): Scope {
  return { statements: new Set(), interfaces: new Map(), namespaces: new Map() }
}

function add(into: Scope, node: ts.Statement, source: ts.SourceFile): void {
  if (ts.isModuleDeclaration(node) && node.body !== undefined) {
    let inner = child(into, node.name.text)
    let body = node.body
    // `namespace A.B.C { … }` is A containing B containing C.
    while (ts.isModuleDeclaration(body) && body.body !== undefined) {
      inner = child(inner, body.name.text)
      body = body.body
    }
    if (ts.isModuleBlock(body)) for (const statement of body.statements) add(inner, statement, source)
    return
  }
  if (ts.isInterfaceDeclaration(node)) {
    const name = node.name.text
    let merged = into.interfaces.get(name)
    if (!merged) {
      const head = textOf(source, node.getFullStart(), node.members.pos - 1).trimEnd()
      merged = { head, members: new Map() }
      into.interfaces.set(name, merged)
    }
    for (const member of node.members) {
      const text = textOf(source, member.getFullStart(), member.end)
      const memberName = member.name !== undefined && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined
      const key = memberName !== undefined ? `name:${memberName}` : `text:${text}`
      // Methods with one name are overloads, kept whole; a property repeated by many pages is kept once.
      if (ts.isMethodSignature(member)) merged.members.set(`text:${text}`, { text })
      else if (!merged.members.has(key)) merged.members.set(key, { text, ...propertyOf(member) })
    }
    return
  }
  into.statements.add(textOf(source, node.getFullStart(), node.end))
}

/** A property whose type is a name in a namespace (`pay: V3.Pay`): its name and the name it refers to. */
function propertyOf(member: ts.TypeElement): Pick<Member, 'property'> {
  if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name) || member.type === undefined || !ts.isTypeReferenceNode(member.type)) return {}
  const reference = member.type.typeName
  return ts.isQualifiedName(reference) ? { property: { name: member.name.text, target: reference.right.text } } : {}
}

function child(parent: Scope, name: string): Scope {
  let found = parent.namespaces.get(name)
  if (!found) parent.namespaces.set(name, (found = scope()))
  return found
}

/** A node's text with its JSDoc, its lines moved left by the indentation of its first line. */
function textOf(source: ts.SourceFile, start: number, end: number): string {
  const text = source.text.slice(start, end).replace(/^\s*\n/, '')
  const indent = /^[ ]*/.exec(text)![0].length
  return text
    .split('\n')
    .map((line) => line.slice(Math.min(indent, /^[ ]*/.exec(line)![0].length)))
    .join('\n')
}

/**
 * The scope's text. Namespaces do not indent what they hold: the bundle is read by the checker far more than by people,
 * and at the depth of `WeChatPay.OpenAPI.V3.Pay.Transactions` indentation would be a third of its bytes.
 */
function print(scope: Scope, top = false): string {
  const parts: string[] = [...scope.statements]
  for (const [, merged] of scope.interfaces) {
    const members = [...merged.members.values()].map(({ text }) => text.split('\n').map((line) => (line === '' ? line : `  ${line}`)).join('\n'))
    parts.push(`${merged.head} {\n${members.join('\n')}\n}`)
  }
  for (const [name, namespace] of scope.namespaces) {
    // A namespace that holds only one namespace is named with it (`Jsapi.PostHttpMethod`): still one declaration each.
    const names = [name]
    let inner = namespace
    while (inner.statements.size === 0 && inner.interfaces.size === 0 && inner.namespaces.size === 1) {
      const [next, only] = [...inner.namespaces][0]!
      names.push(next)
      inner = only
    }
    // Exported: the bundle is a module, so two generated packages in one app do not merge their namespaces.
    parts.push(`${top ? 'export declare ' : ''}namespace ${names.join('.')} {\n${print(inner)}\n}`)
  }
  return parts.join('\n\n')
}
