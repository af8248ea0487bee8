import type { PageOperation, PageResult } from './build-page.js'
import type { Diagnostic } from './diagnostics/report.js'
import { rules } from './diagnostics/rules.js'
import { emitSite } from './emit/site/site-pages.js'
import { buildNavigation, type NavOperation } from './ir/build-navigation.js'
import type { IrNavigation, IrWebhook } from './ir/types.js'

/**
 * The outputs made from all pages at once for the docs site: the navigation built from the catalogue pages, then the
 * home page, a landing page per section, the redirect pages of moved pages and the sidebar and nav (`docs/site.json`).
 * `displayFile` names a page (relative to the docs root) as diagnostics print it.
 */
export function siteOutputs(results: PageResult[], docsLabel: string, displayFile: (file: string) => string): { outputs: Map<string, string>; diagnostics: Diagnostic[]; navigation: IrNavigation } {
  const operations = new Map(results.map((r) => [r.page.source.file, r.operations]))
  const { navigation, problems } = buildNavigation(
    results.map((r) => r.page),
    (page) => (operations.get(page.source.file) ?? []).map(navOperation),
  )
  const diagnostics = problems.map((p): Diagnostic => ({ file: displayFile(p.file), line: p.place.line, column: p.place.column, severity: rules[p.ruleId].severity, ruleId: p.ruleId, message: p.message }))
  const titles = new Map(results.map((r) => [r.page.source.file, r.page.title ?? r.page.source.file]))
  return { outputs: emitSite(navigation, (page) => titles.get(page) ?? page, docsLabel), diagnostics, navigation }
}

/** A webhook's variant anchors are in its IR entry, read only for webhooks (a hundred or so in the corpus). */
function navOperation(op: PageOperation): NavOperation {
  const method = op.id.slice(op.id.lastIndexOf('#') + 1)
  if (op.kind !== 'webhook') return { id: op.id, method, variants: [] }
  const webhook = JSON.parse(Buffer.from(op.entry).toString()) as IrWebhook
  return { id: op.id, method, variants: webhook.variants.map((v) => v.url.replace(/^#/, '')) }
}
