import type { IrPage } from './types.js'

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete'])
/** Redirect stubs followed one after another at most this many times (a loop ends there). */
const MAX_HOPS = 8

/** Where a site link leads among the pages of the docs. */
export type Resolution =
  | { kind: 'page'; page: IrPage; anchor: string | null; operations: string[]; movedFrom: string | null }
  | { kind: 'unknown'; reason: string; movedFrom: string | null }

/**
 * The page file a site link names, from the page it is written on: `/openapi/v2/pay/micropay` →
 * `openapi/v2/pay/micropay.md`, `/openapi/v3/ecommerce/applyments/` → `…/applyments/index.md`, `%7Bx%7D` → `{x}`;
 * undefined for a link out of the site.
 */
export function linkedFile(link: string, from: string): { file: string; anchor: string | null } | undefined {
  let url: URL
  try {
    url = new URL(link, `http://site/${from}`)
  } catch {
    return undefined
  }
  if (url.host !== 'site') return undefined
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    path = url.pathname
  }
  if (path.endsWith('/')) path += 'index'
  path = path.replace(/\.(md|html)$/, '')
  const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : null
  return { file: `${path.slice(1)}.md`, anchor }
}

/**
 * Resolves a link against the pages by path: to a page of operations, through redirect stubs, with the operations
 * a method anchor (`#post`) picks; `unknown` with the reason otherwise. A page whose operations a subset left out
 * still counts: its anchors are not checked.
 */
export function resolveLink(link: string, from: string, pages: ReadonlyMap<string, IrPage>): Resolution {
  let movedFrom: string | null = null
  let at = linkedFile(link, from)
  for (let hop = 0; at !== undefined && hop <= MAX_HOPS; hop++) {
    const page = pages.get(at.file)
    if (page === undefined) return { kind: 'unknown', reason: `no page \`${at.file}\``, movedFrom }
    if (page.role === 'redirect' && page.redirect !== undefined) {
      movedFrom ??= page.source.file
      const next = linkedFile(page.redirect, page.source.file)
      // The stub's own fragment wins over none.
      at = next && { file: next.file, anchor: next.anchor ?? at.anchor }
      continue
    }
    if (page.role !== 'operations') return { kind: 'unknown', reason: `\`${at.file}\` is a ${page.role} page, not a page of operations`, movedFrom }
    const anchor = at.anchor
    let operations = page.operations
    if (anchor !== null && METHODS.has(anchor) && operations.length > 0) {
      operations = operations.filter((id) => id.endsWith(`#${anchor}`))
      if (operations.length === 0) return { kind: 'unknown', reason: `\`${at.file}\` has no \`${anchor}\` operation`, movedFrom }
    }
    return { kind: 'page', page, anchor, operations, movedFrom }
  }
  return { kind: 'unknown', reason: at === undefined ? 'a link out of the docs' : 'redirect stubs that lead in a loop', movedFrom }
}
