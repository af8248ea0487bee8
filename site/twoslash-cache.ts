import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TwoslashReturn } from 'twoslash'
import writeFileAtomic from 'write-file-atomic'
import { hashParts } from '../generator/run/hash.js'
import type { SiteSettings } from './site-settings.js'

/** The subset of @shikijs/twoslash's `TwoslashTypesCache` the transformer calls. */
export interface TypesCache {
  init(): void
  read(code: string): TwoslashReturn | null
  write(code: string, data: { code: string; nodes: readonly object[] }): void
}

/** The file of one block's twoslash result: its code and the settings' fingerprint, hashed. */
export function cacheFile(settings: SiteSettings, code: string): string {
  return join(settings.cache, 'twoslash', `${hashParts([settings.fingerprint, code])}.json`)
}

/**
 * Twoslash results on disk, one JSON file per block, written atomically. A file that does not parse as a result
 * (truncated, edited, foreign) counts as absent, so the block is checked again and the file replaced.
 */
export function twoslashCache(settings: SiteSettings): TypesCache {
  return {
    init: () => mkdirSync(join(settings.cache, 'twoslash'), { recursive: true }),
    read: (code) => readResult(cacheFile(settings, code)),
    write: (code, data) => writeFileAtomic.sync(cacheFile(settings, code), JSON.stringify(data), { fsync: false }),
  }
}

export function readResult(file: string): TwoslashReturn | null {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
  const result = data as Partial<TwoslashReturn> | null
  return result && typeof result.code === 'string' && Array.isArray(result.nodes) && result.meta && typeof result.meta === 'object' ? (result as TwoslashReturn) : null
}
