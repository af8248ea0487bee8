import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { PageModel } from './page-model.js'
import type { Frontmatter } from './read-frontmatter.js'

/**
 * Settles what a read page is: a redirect stub, a page of other tables, an empty page (each reported), or a page of
 * operations, each of which needs a request and a response table.
 */
export function finishPage(file: VFile, page: PageModel, frontmatter: Frontmatter, catalogue: boolean): void {
  const redirect = redirectOf(frontmatter)
  if (redirect !== undefined && page.sections.length === 0) {
    page.role = 'redirect'
    page.redirect = redirect
    report(file, 'page-skipped', `Redirect stub to \`${redirect}\`: it defines no operation; the docs target makes a redirect page at its address`, { line: 1, column: 1 })
    return
  }
  if (page.sections.length === 0) {
    page.role = catalogue ? 'catalogue' : 'empty'
    if (catalogue) report(file, 'page-skipped', 'Skipped page without operations: its tables are neither parameter tables nor catalogue tables (`| 业务标签 | 直连商户模式 | 合作伙伴模式`)', { line: 1, column: 1 })
    else report(file, 'heading-without-method', 'Unexpected page without a method heading, expected `# … {#post}` or a `{#mix}` page', { line: 1, column: 1 })
    return
  }
  for (const section of page.sections) {
    for (const side of ['request', 'response'] as const) {
      if (!section[side]) report(file, 'missing-table', `Unexpected \`${section.method}\` operation without a ${side} table`, section.place)
    }
  }
}

/** `title: Moved to /x` with a `<meta http-equiv=refresh content="0;url=/x">` head entry. */
function redirectOf(frontmatter: Frontmatter): string | undefined {
  const refresh = JSON.stringify(frontmatter.head ?? null).match(/url=([^"\\]+)/)
  if (refresh) return refresh[1]
  const title = typeof frontmatter.title === 'string' ? /^Moved to\s+(\S+)/.exec(frontmatter.title) : null
  return title?.[1]
}
