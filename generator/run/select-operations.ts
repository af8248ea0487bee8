import picomatch from 'picomatch'
import { refuse } from './usage-error.js'

/** Globs that choose a subset of the operations, by id (`v3/pay/transactions/jsapi#post`) or page path. */
export interface Subset {
  include: string[]
  exclude: string[]
}

/** The indexes of the `include` and `exclude` globs that matched some operation. */
export interface SubsetHits {
  include: number[]
  exclude: number[]
}

/**
 * Whether an operation is in the subset: some `include` glob (or none given) and no `exclude` glob matches its id,
 * its id without the method (`v3/pay/transactions/jsapi`), or its page's path (`openapi/v3/pay/transactions/jsapi.md`).
 */
export function selectOperations(subset: Subset): (id: string, page: string) => boolean {
  const include = subset.include.length === 0 ? undefined : picomatch(subset.include)
  const exclude = subset.exclude.length === 0 ? undefined : picomatch(subset.exclude)
  return (id, page) => {
    const names = namesOf(id, page)
    return (include === undefined || names.some((name) => include(name))) && !(exclude !== undefined && names.some((name) => exclude(name)))
  }
}

/**
 * Refuses globs that cannot mean what they say: empty ones, ones picomatch cannot read, and negations. An `include`
 * of `!v3/**` would keep everything, since each operation is also matched by its page path (`openapi/v3/…`); a glob
 * to leave out goes to `exclude`.
 */
export function checkGlobs(subset: Subset): void {
  for (const key of ['include', 'exclude'] as const) {
    for (const glob of subset[key]) {
      if (glob.trim() === '') refuse(`Unexpected empty ${key} glob, expected one over operation ids or page paths`)
      if (glob.startsWith('!')) refuse(`Unexpected ${key} glob \`${glob}\`: a negation, expected ${key === 'include' ? '`exclude` for what to leave out' : 'the operations to leave out'}`)
      try {
        picomatch(glob)
      } catch (error) {
        refuse(`Unexpected ${key} glob \`${glob}\`: ${(error as Error).message}`)
      }
    }
  }
}

/** Which globs match some of the operations (`[id, page]` pairs): a glob that matches none is most likely a typo. */
export function subsetHits(subset: Subset, operations: ReadonlyArray<readonly [id: string, page: string]>): SubsetHits {
  const hits = (globs: string[]) =>
    globs.flatMap((glob, index) => {
      const match = picomatch(glob)
      return operations.some(([id, page]) => namesOf(id, page).some((name) => match(name))) ? [index] : []
    })
  return { include: hits(subset.include), exclude: hits(subset.exclude) }
}

/**
 * Refuses a subset with a glob that matched no operation of the whole run, or that leaves no operation: either would
 * write a client without what the user meant to keep (or with what they meant to leave out).
 */
export function checkSubset(subset: Subset, hits: SubsetHits[], operations: number, total: number): void {
  for (const key of ['include', 'exclude'] as const) {
    const matched = new Set(hits.flatMap((h) => h[key]))
    const unmatched = subset[key].filter((_, index) => !matched.has(index))
    if (unmatched.length > 0) {
      refuse(
        `Unexpected ${key} glob(s) ${unmatched.map((g) => `\`${g}\``).join(', ')}: no operation of the ${total} matches, expected globs over ` +
          'operation ids (`v3/pay/transactions/jsapi#post`, `v3/pay/**`) or page paths (`openapi/v3/pay/**`); `*` does not cross a `/`',
      )
    }
  }
  if (operations === 0 && total > 0) refuse(`Unexpected subset: it leaves none of the ${total} operations`)
}

function namesOf(id: string, page: string): string[] {
  return [id, id.replace(/#[a-z]+$/, ''), page]
}
