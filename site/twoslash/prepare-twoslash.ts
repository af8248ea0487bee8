// `npm run docs:build`'s first step: twoslash over every ```js twoslash block of the docs folder (SITE_DOCS, else
// generated/docs) that the cache does not hold, spread over worker threads, one per core. The VitePress build then
// reads every result from the cache instead of compiling the blocks one by one on its single thread.
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { TWOSLASH_CACHE_DIR, TwoslashCache } from './twoslash-cache.js'

/** The code of each ```js twoslash fence, as the highlighter hands it to twoslash (no final newline). */
export function twoslashBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```js twoslash\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!)
}

export async function prepareTwoslash(docs: string, cache: TwoslashCache, threads = availableParallelism()): Promise<{ blocks: number; made: number; failed: number }> {
  const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.md'))
  const blocks = [...new Set(pages.flatMap((p) => twoslashBlocks(readFileSync(join(docs, p), 'utf8'))))]
  const missing = blocks.filter((code) => !cache.has(code))
  let failed = 0
  const shards = Array.from({ length: Math.min(threads, missing.length) }, (_, i) => missing.filter((_, j) => j % threads === i))
  await Promise.all(
    shards.map(
      (codes) =>
        new Promise<void>((done, fail) => {
          const worker = new Worker(new URL('./twoslash-worker.js', import.meta.url))
          worker.on('message', (message: { code: string; result?: Parameters<TwoslashCache['write']>[1]; error?: string; done?: true }) => {
            if (message.done) void worker.terminate().then(() => done())
            else if (message.result) cache.write(message.code, message.result)
            else failed++
          })
          worker.on('error', fail)
          worker.postMessage(codes)
        }),
    ),
  )
  await cache.settled()
  return { blocks: blocks.length, made: missing.length - failed, failed }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now()
  const docs = resolve(process.env.SITE_DOCS ?? 'generated/docs')
  const { blocks, made, failed } = await prepareTwoslash(docs, new TwoslashCache(resolve(process.env.SITE_TWOSLASH_CACHE ?? TWOSLASH_CACHE_DIR)))
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`twoslash: ${blocks} blocks, ${blocks - made - failed} cached, ${made} compiled on ${availableParallelism()} threads in ${seconds} s${failed ? `, ${failed} left to the site build` : ''}`)
}
