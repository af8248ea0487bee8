import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Tinypool } from 'tinypool'
import { sitePages } from './site-manifest.js'
import type { SiteSettings } from './site-settings.js'
import { cacheFile } from './twoslash-cache.js'
import { fragmentName, fragmentsFolder } from './twoslash-fragments.js'
import type { BlockTask } from './twoslash-worker.js'

export interface PrerenderSummary {
  blocks: number
  /** Blocks whose result was already in the cache. */
  cached: number
  failures: string[]
}

/**
 * Renders every ```js twoslash block of the docs folder on worker threads, before VitePress renders the pages one by
 * one in its own thread: twoslash's result goes to the cache and the highlighted block to its fragment, both named
 * by the block's source. A block with both already there is not rendered again.
 */
export async function prerender(settings: SiteSettings, threads = availableParallelism()): Promise<PrerenderSummary> {
  const tasks: BlockTask[] = []
  let blocks = 0
  for (const page of sitePages(settings.docs)) {
    const file = join(settings.docs, page)
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/^```js twoslash\n([\s\S]*?)^```$/gm)) {
      blocks++
      const content = match[1]!
      if (existsSync(cacheFile(settings, content.trimEnd())) && existsSync(join(fragmentsFolder(settings), fragmentName(settings, 'js twoslash', content)))) continue
      const line = text.slice(0, match.index).split('\n').length
      tasks.push({ at: `${page}:${line}:1`, fence: match[0] })
    }
  }
  const failures: string[] = []
  if (tasks.length > 0) {
    const pool = new Tinypool({
      filename: new URL('./twoslash-worker.js', import.meta.url).href,
      maxThreads: Math.max(1, Math.min(threads, tasks.length)),
      // A worker's TypeScript environment grows with the blocks it renders; a fresh one after a while keeps it small.
      maxMemoryLimitBeforeRecycle: 1536 * 1024 * 1024,
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    })
    try {
      const results = await Promise.all(tasks.map((task) => pool.run(task) as Promise<string | undefined>))
      failures.push(...results.filter((r): r is string => r !== undefined))
    } finally {
      await pool.destroy()
    }
  }
  return { blocks, cached: blocks - tasks.length, failures }
}
