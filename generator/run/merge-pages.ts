import { diagnostic, type Diagnostic } from '../diagnostics/report.js'
import { emitClient } from '../emit/client/emit-client.js'
import type { DocsIndexEntry } from '../emit/docs/docs-index.js'
import { buildNavigation } from '../ir/build-navigation.js'
import { emitIr, irEntry } from '../emit/emit-ir.js'
import { protocolsOf, TYPES_INDEX, typesIndexText, typesPath } from '../emit/types/types-index.js'
import type { IrOperation } from '../ir/types.js'
import type { PageOperation, PageResult, Timings } from './build-page.js'
import type { RunOptions } from './run-pages.js'

/** Output files by path relative to the output folder: text, or text as UTF-8. */
export type Outputs = Map<string, string | Uint8Array>

export interface Merged {
  pages: number
  operations: number
  /** Files named relative to the docs folder. */
  diagnostics: Diagnostic[]
  outputs: Outputs
  /** Page outputs as their page made them, by path: the page's cache key. */
  origins: Map<string, string>
}

/**
 * The page results as one: the checks across pages (an operation defined twice), then the outputs of the whole
 * docs (`ir.json`, `types/index.d.ts`, `client.ts` with the notification receiver and validation, `openapi.json` and
 * `.yaml`, the site's files of the docs target (home page, `site.json`, section landing pages, redirect pages), the
 * package's files) beside each page's own; the navigation is built here, from the catalogue pages and redirect stubs.
 */
export async function mergePages(results: PageResult[], keys: Array<string | undefined>, options: Pick<RunOptions, 'targets' | 'package'>, timings: Timings): Promise<Merged> {
  const diagnostics: Diagnostic[] = []
  const seen = new Map<string, PageOperation>()
  const final: PageResult[] = []
  for (const original of results) {
    let result = original
    const kept = result.operations.filter((op) => {
      const first = seen.get(op.id)
      if (!first) return seen.set(op.id, op)
      diagnostics.push(diagnostic(op.source.file, op.source, 'duplicate-operation', `Unexpected second \`${op.id}\`, first defined at ${first.source.file}:${first.source.line}`))
      return false
    })
    if (kept.length < result.operations.length) {
      // The page lost an operation to an earlier page: its outputs are made again without it. Loaded here, since the
      // main thread otherwise never needs the emitters.
      result = { ...result, operations: kept, page: { ...result.page, operations: kept.map((op) => op.id) } }
      const { emitPageOutputs } = await import('./build-page.js')
      emitPageOutputs(result, kept.map((op) => JSON.parse(Buffer.from(op.entry).toString()) as IrOperation), timings)
    }
    final.push(result)
    diagnostics.push(...result.diagnostics)
  }
  const operations = final.flatMap((r) => r.operations)
  // The catalogues' links and the redirect stubs are checked against every page: diagnostics like a page's.
  const { navigation, diagnostics: navigationDiagnostics } = buildNavigation(final.flatMap((r) => r.catalogue ?? []), final.map((r) => r.page))
  diagnostics.push(...navigationDiagnostics)
  const outputs: Outputs = new Map()
  const wanted = new Set(options.targets)
  if (wanted.has('ir')) outputs.set('ir.json', emitIr(final.map((r) => Buffer.from(irEntry(r.page))), operations.map((op) => op.entry), navigation))
  const origins = new Map<string, string>()
  final.forEach((result, i) => {
    for (const [path, text] of Object.entries(result.outputs)) {
      outputs.set(path, text)
      if (result === results[i] && keys[i] !== undefined) origins.set(path, keys[i])
    }
  })
  if (wanted.has('types') || wanted.has('package')) {
    const paths = final.flatMap((r) => (r.outputs[typesPath(r.page.source.file)] !== undefined ? [typesPath(r.page.source.file)] : []))
    outputs.set(TYPES_INDEX, typesIndexText(paths, protocolsOf(operations)))
  }
  const client = wanted.has('client') || wanted.has('package') ? emitClient(operations.flatMap((op) => op.notification ?? [])) : undefined
  if (wanted.has('client')) for (const [path, text] of client!) outputs.set(path, text)
  if (wanted.has('package')) {
    // resolveOptions refuses the package target without them; a caller of runPages must pass them too.
    if (!options.package) throw new Error('The package target needs `package`: its name and version')
    const declarations = [...outputs].flatMap(([path, text]): Array<[string, string]> => (path.startsWith('types/') ? [[path, Buffer.from(text).toString()]] : []))
    // The package publishes the validators' schemas when they are made, so that its client can validate.
    const folders = wanted.has('validation') ? ['validation/'] : []
    // Loaded only for this target: it brings TypeScript (1.2-1.4 s of CPU), which no other run needs.
    const { emitPackage } = await import('../emit/package/emit-package.js')
    for (const [path, text] of emitPackage(options.package, client!, declarations, operations.map((op) => op.summary), folders)) outputs.set(path, text)
    // The package ships them bundled; the page files are written only when the types target is asked for too.
    if (!wanted.has('types')) for (const [path] of declarations) outputs.delete(path)
  }
  if (wanted.has('openapi')) {
    // Shared components need every operation, so the document is made here, from the operations' IR entries (its
    // emitter, and the yaml printer, loaded only then).
    const { emitOpenapi } = await import('../emit/openapi/emit-openapi.js')
    for (const [path, text] of emitOpenapi(operations.map((op) => JSON.parse(Buffer.from(op.entry).toString()) as IrOperation))) outputs.set(path, text)
  }
  if (wanted.has('docs')) {
    const entries = final.flatMap((r): DocsIndexEntry[] => (r.docsEntry ? [r.docsEntry] : []))
    // Loaded only for this target, like the other emitters the main thread needs only here.
    const { emitSite } = await import('../emit/site/emit-site.js')
    for (const [path, text] of emitSite(navigation, entries)) {
      // Site files go where no page writes (catalogue pages and redirect stubs write none): a page's file is never
      // replaced, and the site's files have no page origin, so the run record hashes them.
      if (outputs.has(path)) throw new Error(`Internal error: the site's \`${path}\` is a page's output too`)
      outputs.set(path, text)
    }
  }
  return { pages: final.length, operations: operations.length, diagnostics, outputs, origins }
}
