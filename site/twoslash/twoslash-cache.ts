import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { TwoslashShikiReturn } from '@shikijs/twoslash/core'
import type { TwoslashReturn } from 'twoslash'
import { TWOSLASH_COMPILER_OPTIONS } from '../../generator/emit/docs/twoslash-options.js'
import { writeEntry } from '../../generator/page-cache.js'

/** The options every block is compiled with, as the site's transformer and the prepass pass them to twoslash. */
export const TWOSLASH_OPTIONS = { compilerOptions: { ...TWOSLASH_COMPILER_OPTIONS, types: [...TWOSLASH_COMPILER_OPTIONS.types] } }

/** Where results are kept between builds, beside the generator's page cache (`SITE_TWOSLASH_CACHE` moves it). */
export const TWOSLASH_CACHE_DIR = 'node_modules/.cache/wechatpay-codegen/twoslash'

/** Packages whose code or declarations decide a block's result. */
const PACKAGES = ['typescript', 'twoslash', '@types/node', 'axios', 'wechatpay-axios-plugin']

/**
 * Twoslash results on disk, one JSON file per block, keyed by the block's code, the compiler options and the versions
 * of the packages the block is checked against: a block whose text is unchanged is not compiled again, in any build
 * that uses the same folder. Shaped as the `typesCache` of `@shikijs/twoslash`'s transformer.
 */
export class TwoslashCache {
  private readonly fingerprint: string
  /** Writes under way, awaited by `settled`. */
  private readonly writing: Array<Promise<void>> = []

  constructor(private readonly dir: string) {
    const versions = PACKAGES.map((name) => `${name}@${versionOf(name)}`)
    this.fingerprint = JSON.stringify([versions, TWOSLASH_OPTIONS])
  }

  fileOf(code: string): string {
    const key = createHash('sha256').update(this.fingerprint).update('\0').update(code).digest('hex')
    return join(this.dir, key.slice(0, 2), `${key}.json`)
  }

  has(code: string): boolean {
    return existsSync(this.fileOf(code))
  }

  read(code: string): TwoslashShikiReturn | null {
    try {
      return JSON.parse(readFileSync(this.fileOf(code), 'utf8')) as TwoslashShikiReturn
    } catch {
      return null // missing or damaged: compiled again
    }
  }

  write(code: string, data: TwoslashShikiReturn): void {
    this.writing.push(writeEntry(this.fileOf(code), Buffer.from(JSON.stringify(shikiPart(data)))))
  }

  async settled(): Promise<void> {
    await Promise.all(this.writing)
  }
}

/** What the renderer reads of a result: the code, its nodes and the extension; the rest is not kept. */
export function shikiPart(result: TwoslashShikiReturn | TwoslashReturn): TwoslashShikiReturn {
  const part: TwoslashShikiReturn = { code: result.code, nodes: result.nodes }
  if (result.meta?.extension) part.meta = { extension: result.meta.extension }
  return part
}

/** A package's version from its package.json, found above its entry (some packages do not export the file). */
function versionOf(name: string): string {
  const require = createRequire(import.meta.url)
  let dir = dirname(name === '@types/node' ? require.resolve('@types/node/package.json') : require.resolve(name))
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (!existsSync(file)) continue
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
    if (manifest.name === name) return manifest.version ?? '?'
  }
  return '?'
}
