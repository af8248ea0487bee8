import picomatch from 'picomatch'

/** Globs that choose a subset of the operations, by id (`v3/pay/transactions/jsapi#post`) or page path. */
export interface Subset {
  include: string[]
  exclude: string[]
}

/**
 * Whether an operation is in the subset: some `include` glob (or none given) and no `exclude` glob matches its id,
 * its id without the method (`v3/pay/transactions/jsapi`), or its page's path (`openapi/v3/pay/transactions/jsapi.md`).
 */
export function selectOperations(subset: Subset): (id: string, page: string) => boolean {
  const include = subset.include.length === 0 ? undefined : picomatch(subset.include)
  const exclude = subset.exclude.length === 0 ? undefined : picomatch(subset.exclude)
  return (id, page) => {
    const names = [id, id.replace(/#[a-z]+$/, ''), page]
    return (include === undefined || names.some((name) => include(name))) && !(exclude !== undefined && names.some((name) => exclude(name)))
  }
}
