import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { ExampleModel, PageModel, SectionModel } from '../parse/page-model.js'
import { attachExamples } from './attach-examples.js'
import { buildRequest } from './build-request.js'
import { buildResponse } from './build-response.js'
import { chainOf, type PageAddress } from './page-address.js'
import type { IrField, IrOperation } from './types.js'
import { unwrapStoredPayload } from './unwrap-stored-payload.js'
import { walkFields } from './walk-fields.js'

/** One section of a page (a method heading and its tables) as an operation. */
export function buildOperation(file: VFile, page: PageModel, section: SectionModel, address: PageAddress): IrOperation {
  const source = { file: page.path, ...section.place }
  const description = section.description ?? ''
  if (description.trim() === '') report(file, 'missing-description', `Operation \`${section.method}\` has no description`, section.place)
  if (section.links.length === 0) report(file, 'missing-links', `Operation \`${section.method}\` has no \`参阅\` official-doc link`, section.place)

  const request = buildRequest(file, section.request, address, page.path, section.place)
  if (address.kind === 'webhook') unwrapStoredPayload(file, request, section.examples)
  const response = buildResponse(file, section.response, section.examples, page.path, section.place)
  const sdk = section.examples.filter((e) => e.group === 'sdk')
  if (address.kind === 'endpoint') checkCalls(file, sdk, section, address)
  checkVariants(file, sdk)
  const primary = sdk.find((e) => e.label === '同步声明式') ?? sdk[0]
  if (primary) attachExamples(file, request, primary.argument, primary.place)
  for (const fragment of section.examples.filter((e) => e.group === 'fragment')) {
    attachExamples(file, request, wrapFragment(request, fragment), fragment.place)
  }
  const fields = [...request.roots.map((r) => r.field), ...response.fields]
  walkFields(fields, (field) => undecidedPlaceholder(file, field))

  const base = {
    protocol: address.protocol,
    method: section.method,
    title: section.title,
    description,
    links: section.links,
    notices: section.notices,
    request,
    response,
    source,
  }
  if (address.kind === 'webhook') {
    checkEvent(file, address.event, request.roots.find((r) => r.role === 'body')?.field, section)
    const samples = section.examples.map((e) => ({ kind: 'sample' as const, label: e.label, lang: e.lang, code: e.code }))
    return { kind: 'webhook', id: `webhook/${address.protocol}/${address.event}#${section.method}`, event: address.event, variants: page.variants, samples, ...base }
  }
  return { kind: 'endpoint', id: `${address.uri}#${section.method}`, uri: address.uri, segments: address.segments, ...base }
}

/** Fragment tabs hold keys of the `json` root without the enclosing array. */
function wrapFragment(request: ReturnType<typeof buildRequest>, fragment: ExampleModel): ExampleModel['argument'] {
  const root = request.roots.find((r) => r.role === 'json' || r.role === 'xml' || r.role === 'query')
  if (!root || !fragment.argument) return undefined
  return { kind: 'map', entries: [{ key: root.field.name, value: fragment.argument }] }
}

function checkCalls(file: VFile, sdk: ExampleModel[], section: SectionModel, address: Extract<PageAddress, { kind: 'endpoint' }>): void {
  const chain = chainOf(address.segments)
  for (const example of sdk) {
    if (!example.call) continue
    const method = example.call.method.replace(/Async$/, '')
    const uri = example.call.style === 'chain' ? chain : address.uri
    if (method !== section.method || example.call.uri !== uri) {
      report(file, 'example-call-mismatch', `Unexpected call \`${example.call.uri}\` \`${example.call.method}\` in \`[${example.label}]\`, expected \`${uri}\` \`${section.method}\``, example.place)
    }
  }
}

/** The six SDK variants must pass the same argument. */
function checkVariants(file: VFile, sdk: ExampleModel[]): void {
  const first = sdk[0]
  if (!first) return
  const want = JSON.stringify(first.argument ?? null)
  for (const example of sdk.slice(1)) {
    if (JSON.stringify(example.argument ?? null) !== want) {
      report(file, 'example-variant-mismatch', `Unexpected argument in \`[${example.label}]\`, expected the same as \`[${first.label}]\``, example.place)
    }
  }
}

function undecidedPlaceholder(file: VFile, field: IrField): void {
  if (field.type.kind === 'encoded' && field.type.shape === 'unknown') {
    const child = field.type.payload.fields[0]!
    report(file, 'placeholder-child', `Undecided whether \`${field.name}\` encodes a bare list (\`${child.name}\` a label) or an object keyed \`${child.name}\`; no example tells`, field.source)
  }
}

function checkEvent(file: VFile, event: string, body: IrField | undefined, section: SectionModel): void {
  if (body?.type.kind !== 'object') return
  const eventType = body.type.fields.find((f) => f.name === 'event_type')
  if (!eventType || eventType.type.kind !== 'scalar') return
  const values = eventType.type.enum?.values ?? []
  if (!values.includes(event)) {
    report(file, 'event-type-mismatch', `Unexpected \`event_type\` ${values.map((v) => `\`${v}\``).join(', ') || 'without values'}, expected \`${event}\` as the file name says`, eventType.source ?? section.place)
  }
}
