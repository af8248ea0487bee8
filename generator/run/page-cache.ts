import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PageInput, PageOperation, PageResult } from './build-page.js'

/**
 * Page results on disk, keyed by a hash of the page (path, text, how it is named in output) and of the generator
 * itself, so a changed page or a changed generator misses and everything else hits.
 */
export class PageCache {
  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  key(input: PageInput): string {
    const hash = createHash('sha256')
    for (const part of [this.fingerprint, input.path, input.displayPath, input.docsLabel, input.source]) hash.update(part).update('\0')
    return hash.digest('hex')
  }

  has(key: string): boolean {
    return existsSync(this.fileOf(key))
  }

  /** The cached result when it holds every target asked for. */
  get(key: string, input: PageInput): PageResult | undefined {
    try {
      const result = decodeEntry(readFileSync(this.fileOf(key)))
      return input.targets.every((t) => result.targets.includes(t)) ? result : undefined
    } catch {
      return undefined // a missing or damaged entry is a miss
    }
  }

  fileOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`)
  }
}

/**
 * Writes one cache entry atomically (a temporary file, then a rename), by libuv's threads: the pool writes each
 * page's entry while the workers go on building.
 */
export async function writeEntry(file: string, entry: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, entry)
  await rename(temporary, file)
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
  const hash = createHash('sha256')
  const root = fileURLToPath(new URL('..', import.meta.url))
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|ts)$/.test(f)).sort()
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0')
  const require = createRequire(import.meta.url)
  for (const name of OUTPUT_PACKAGES) {
    try {
      hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\0`)
    } catch {
      hash.update(`${name}@?\0`) // a package that hides its package.json still counts by name
    }
  }
  cached = hash.digest('hex')
  return cached
}
