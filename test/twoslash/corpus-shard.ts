import { expect, test } from 'vitest'
import { corpusDir, generated } from '../helpers.js'
import { blocksOf, checkBlocks } from './check-blocks.js'

/**
 * Every twoslash block generated from the corpus compiles with zero errors, example code included. The pages are
 * split in `of` shards by position so the test files run on both cores.
 */
export function corpusShardTest(shard: number, of: number): void {
  test(`corpus twoslash blocks, shard ${shard + 1} of ${of}`, async () => {
    const { outputs, document } = await generated(corpusDir, ['docs'])
    // The pages of operations; not the site's files (home, site.json, section and redirect pages).
    const written = new Set(document.pages.filter((p) => p.operations.length > 0).map((p) => `docs/${p.source.file}`))
    const pages = [...outputs].filter(([path]) => written.has(path))
    const mine = pages.filter((_, i) => i % of === shard)
    const started = performance.now()
    const { blocks, errors } = checkBlocks(mine)
    const seconds = (performance.now() - started) / 1000
    console.log(`twoslash shard ${shard + 1}/${of}: ${blocks} blocks from ${mine.length} pages, ${errors.length} errors, ${seconds.toFixed(1)} s`)
    expect(errors.slice(0, 10)).toEqual([])
    // Each operation of the shard's pages has its block.
    const operations = mine.reduce((sum, [, markdown]) => sum + (markdown.match(/^# .* \{#(get|post|put|patch|delete)\}$/gm)?.length ?? 0), 0)
    expect(blocks).toBe(operations)
    expect(mine.every(([, markdown]) => blocksOf(markdown).length > 0)).toBe(true)
  })
}
