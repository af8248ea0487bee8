import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import writeFileAtomic from 'write-file-atomic'
import { isPageSchemaPath } from '../emit/client/schema-paths.js'
import { docsPath } from '../emit/docs/docs-index.js'
import { typesPath } from '../emit/types/types-index.js'
import type { PageInput, PageOperation, PageResult, PageTarget } from './build-page.js'
import { hashParts } from './hash.js'
import { makeFolder } from './safe-paths.js'

/**
 * Page results on disk, keyed by a hash of the page (path and bytes) and of the generator itself, so a changed page
 * or a changed generator misses and everything else hits. Entries are untrusted: one that is damaged, or that was
 * made for another key, page or output path, is a miss.
 */
export class PageCache {
  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  key(input: Pick<PageInput, 'path' | 'source' | 'subset'>): string {
    return hashParts([this.fingerprint, input.path, input.source, JSON.stringify(input.subset ?? null)])
  }

  has(key: string): boolean {
    return existsSync(this.fileOf(key))
  }

  /** The cached result when it was made for this key and page and holds every target asked for, with those only. */
  get(key: string, input: PageInput): PageResult | undefined {
    let result: PageResult
    try {
      result = decodeEntry(readFileSync(this.fileOf(key)))
    } catch {
      return undefined // a missing or damaged entry is a miss
    }
    if (result.key !== key || result.page.source.file !== input.path || !input.targets.every((t) => result.targets.includes(t))) return undefined
    const targetOf = (path: string): PageTarget | undefined =>
      path === typesPath(input.path) ? 'types' : path === docsPath(input.path) ? 'docs' : isPageSchemaPath(path, input.path) ? 'validation' : undefined
    if (Object.keys(result.outputs).some((path) => targetOf(path) === undefined)) return undefined
    if (result.diagnostics.some((d) => d.file !== input.path)) return undefined
    // A subset's run needs to know which globs each page matched.
    if (input.subset !== undefined && (result.subset === undefined || !Array.isArray(result.subset.hits?.include) || !Array.isArray(result.subset.hits.exclude))) return undefined
    const outputs = Object.entries(result.outputs).filter(([path]) => input.targets.includes(targetOf(path)!))
    return { ...result, outputs: Object.fromEntries(outputs), targets: input.targets }
  }

  fileOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`)
  }
}

/**
 * Writes one cache entry atomically, by libuv's threads: the pool writes each page's entry while the workers go on
 * building. Not synced to disk: a lost entry is only a miss.
 */
export async function writeEntry(file: string, entry: Uint8Array): Promise<void> {
  makeFolder(dirname(file))
  await writeFileAtomic(file, Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength), { fsync: false })
}

/** A page result's texts, and the rest of it with their sizes in place of them: a line of JSON before the bytes. */
interface EntryHead extends Omit<PageResult, 'operations' | 'outputs'> {
  operations: Array<Omit<PageOperation, 'entry'>>
  outputs: string[]
  sizes: number[]
}

/**
 * A page result as one buffer, the form it has in the cache and on its way from a worker: a line of JSON, then the
 * UTF-8 texts (operation entries, outputs) back to back, so reading one back decodes only that line.
 */
export function encodeEntry(result: PageResult): Buffer {
  const texts = [...result.operations.map((op) => op.entry), ...Object.values(result.outputs)]
  const head: EntryHead = {
    ...result,
    operations: result.operations.map(({ entry: _, ...op }) => op),
    outputs: Object.keys(result.outputs),
    sizes: texts.map((text) => text.byteLength),
  }
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), ...texts])
}

/** The page result of `encodeEntry`; its texts are views into `bytes`. Throws on a damaged entry. */
export function decodeEntry(bytes: Uint8Array): PageResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const newline = buffer.indexOf(10)
  const { sizes, ...head } = JSON.parse(buffer.toString('utf8', 0, newline)) as EntryHead
  let at = newline + 1
  const texts = sizes.map((size) => buffer.subarray(at, (at += size)))
  if (at !== buffer.length || texts.length !== head.operations.length + head.outputs.length) throw new Error('damaged page entry')
  const operations = head.operations.map((op, i) => ({ ...op, entry: texts[i]! }))
  const outputs = Object.fromEntries(head.outputs.map((path, i) => [path, texts[head.operations.length + i]!]))
  return { ...head, operations, outputs }
}

/** Packages whose versions change what is generated. */
const OUTPUT_PACKAGES = ['prettier', 'remark-parse', 'micromark-extension-gfm-table', 'mdast-util-gfm-table', 'remark-frontmatter', 'php-parser', 'yaml']

let cached: string | undefined

/**
 * A hash of the generator's own code (every file of this directory tree) and of the packages that shape its
 * output: a rebuilt generator never reads results of an older one.
 */
export function generatorFingerprint(): string {
  if (cached) return cached
  const root = fileURLToPath(new URL('..', import.meta.url))
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|ts)$/.test(f)).sort()
  const require = createRequire(import.meta.url)
  const versions = OUTPUT_PACKAGES.map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`
    } catch {
      return `${name}@?` // a package that hides its package.json still counts by name
    }
  })
  cached = hashParts([...files.flatMap((file) => [file, readFileSync(join(root, file))]), ...versions])
  return cached
}
