import { Engine } from 'php-parser'
import type { Node, Program } from 'php-parser'
import type { VFile } from 'vfile'
import { report, type Place } from '../diagnostics/report.js'
import type { IrExample } from '../ir/types.js'
import type { ExampleModel } from './page-model.js'
import { readDecryptedAt } from './read-handler.js'

/** The six tabs that show the SDK call, in the order the docs use. */
export const SDK_LABELS = ['异步纯链式', '异步声明式', '异步属性式', '同步纯链式', '同步声明式', '同步属性式'] as const
/** Tabs that are known and carry no SDK call (A26). */
const OTHER_LABELS = new Set(['处理程序', '标准PSR7', '异步模式', '同步模式'])
const VERB = /^(get|post|put|patch|delete)(Async)?$/

const engine = new Engine({
  parser: { php8: true, suppressErrors: true, extractDoc: false },
  ast: { withPositions: true, withSource: false },
})

/** Loosely typed view of php-parser nodes: the package's own types do not model every field we read. */
type AnyNode = Node & Record<string, any>

/**
 * Reads one ```` ```php [LABEL] ```` fence. `fragment` fences (after a `::: tip`) hold bare `'k' => v,` lines,
 * which are wrapped in `[…]` before parsing.
 */
export function readExample(file: VFile, label: string, code: string, place: Place, fragment: boolean, lang = 'php'): ExampleModel {
  const group = fragment ? 'fragment' : (SDK_LABELS as readonly string[]).includes(label) ? 'sdk' : 'other'
  const example: ExampleModel = { label, group, lang, code, place }
  if (group === 'other' && !OTHER_LABELS.has(label)) {
    report(file, 'example-label', `Unexpected code tab \`[${label}]\`, expected one of the SDK variants`, place)
  }
  const status = /getStatusCode\(\)\s*===\s*(\d{3})/.exec(code)
  if (status) example.statusCode = Number(status[1])
  if (label === '处理程序') {
    const at = readDecryptedAt(code)
    if (at) example.decryptedAt = at
  }
  if (group === 'other') return example

  const source = fragment ? `<?php [\n${code}\n];` : `<?php\n${code}`
  let program: Program
  try {
    program = engine.parseCode(source, file.path)
  } catch (error) {
    report(file, 'example-syntax', `Unexpected PHP in \`[${label}]\`: ${(error as Error).message}`, place)
    return example
  }
  const errors = (program as AnyNode).errors as Array<{ message: string; line: number }> | undefined
  if (errors && errors.length > 0) {
    const first = errors[0]!
    report(file, 'example-syntax', `Unexpected PHP in \`[${label}]\`: ${first.message}`, { line: place.line + first.line - 1, column: 1 })
    // A partial tree would attach wrong values: keep only what the call itself says.
    const call = findCall(program as AnyNode)
    const target = call && callTarget(call.what.what as AnyNode)
    if (call && target) example.call = { ...target, method: call.what.offset.name as string }
    return example
  }
  const toExample = exampleFromNode(source, variablesOf(program))
  if (fragment) {
    const expr = (program.children[0] as AnyNode | undefined)?.expression as AnyNode | undefined
    if (expr?.kind === 'array') example.argument = toExample(expr)
    return example
  }
  const call = findCall(program)
  if (!call) {
    report(file, 'example-syntax', `Unexpected \`[${label}]\` example without an SDK call, expected \`$instance->…->post([…])\``, place)
    return example
  }
  const target = callTarget(call.what.what as AnyNode)
  if (target) example.call = { ...target, method: call.what.offset.name as string }
  const argument = call.arguments[0] as AnyNode | undefined
  if (argument) example.argument = toExample(argument)
  return example
}

function findCall(node: AnyNode): AnyNode | undefined {
  if (node.kind === 'call' && node.what?.kind === 'propertylookup' && VERB.test(node.what.offset?.name ?? '')) return node
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value]
    for (const child of children) {
      if (child && typeof child === 'object' && typeof child.kind === 'string') {
        const found = findCall(child)
        if (found) return found
      }
    }
  }
  return undefined
}

/** `$instance->a->_b_->c`, `$instance->chain('a/{b}/c')` or `$instance['a/{b}/c']`. */
function callTarget(node: AnyNode): Omit<NonNullable<ExampleModel['call']>, 'method'> | undefined {
  if (node.kind === 'call' && node.what?.offset?.name === 'chain' && node.arguments[0]?.kind === 'string') {
    return { uri: node.arguments[0].value, style: 'declarative' }
  }
  if (node.kind === 'offsetlookup' && node.offset?.kind === 'string') return { uri: node.offset.value, style: 'property' }
  const names: string[] = []
  let at: AnyNode | undefined = node
  while (at?.kind === 'propertylookup' && at.offset?.kind === 'identifier') {
    names.unshift(at.offset.name)
    at = at.what
  }
  if (at?.kind === 'variable' && names.length > 0) return { uri: names.join('/'), style: 'chain' }
  return undefined
}

function variablesOf(program: Program): Map<string, AnyNode> {
  const variables = new Map<string, AnyNode>()
  for (const statement of program.children as AnyNode[]) {
    const e = statement.expression as AnyNode | undefined
    if (e?.kind === 'assign' && e.left?.kind === 'variable' && e.right?.kind === 'array') variables.set(e.left.name, e.right)
  }
  return variables
}

function exampleFromNode(source: string, variables: Map<string, AnyNode>) {
  const text = (node: AnyNode): string => (node.loc ? source.slice(node.loc.start.offset, node.loc.end.offset) : '')
  const convert = (node: AnyNode | null | undefined): IrExample => {
    if (!node || typeof node.kind !== 'string') return { kind: 'expression', text: '' }
    switch (node.kind) {
      case 'string':
        return { kind: 'string', value: node.value }
      case 'number':
        return { kind: 'number', value: Number(node.value) }
      case 'boolean':
        return { kind: 'boolean', value: node.value }
      case 'nullkeyword':
        return { kind: 'null' }
      case 'unary':
        if (node.type === '-' && node.what?.kind === 'number') return { kind: 'number', value: -Number(node.what.value) }
        return { kind: 'expression', text: text(node) }
      case 'array': {
        const items = node.items as AnyNode[]
        if (items.length > 0 && items.every((item) => item.kind === 'entry' && item.key)) {
          return { kind: 'map', entries: items.map((item) => ({ key: String(item.key.value ?? text(item.key)), value: convert(item.value) })) }
        }
        return { kind: 'list', items: items.map((item) => convert(item.kind === 'entry' ? item.value : item)) }
      }
      case 'call':
        if (node.what?.kind === 'name' || node.what?.kind === 'staticlookup') {
          return { kind: 'call', callee: text(node.what).replace(/^\\/, ''), args: (node.arguments as AnyNode[]).map(convert) }
        }
        return { kind: 'expression', text: text(node) }
      case 'variable': {
        const bound = typeof node.name === 'string' ? variables.get(node.name) : undefined
        return bound ? convert(bound) : { kind: 'expression', text: text(node) }
      }
      default:
        return { kind: 'expression', text: text(node) }
    }
  }
  return convert
}
