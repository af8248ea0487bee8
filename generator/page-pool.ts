import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { PageInput, PageResult } from './build-page.js'
import { writeEntry } from './page-cache.js'

/**
 * Builds pages on worker threads, one per core, results in input order. From TypeScript sources (the tests) there is
 * no compiled worker to start, so pages are built in this thread instead.
 */
export interface PoolOptions {
  threads?: number
  onProgress?: (done: number) => void
  /** Cache entry files to write, one per input, by whoever builds the page. */
  cacheFiles?: Array<string | undefined>
}

export async function buildPages(inputs: PageInput[], options: PoolOptions = {}): Promise<PageResult[]> {
  if (inputs.length === 0) return []
  const threads = Math.min(options.threads ?? availableParallelism(), inputs.length)
  const results: PageResult[] = new Array(inputs.length)
  let done = 0
  const finished = () => options.onProgress?.(++done)
  if (threads <= 1 || import.meta.url.endsWith('.ts')) {
    const { buildPage } = await import('./build-page.js')
    for (const [i, input] of inputs.entries()) {
      results[i] = buildPage(input)
      const cacheFile = options.cacheFiles?.[i]
      if (cacheFile) writeEntry(cacheFile, results[i])
      finished()
    }
    return results
  }
  let next = 0
  // A larger young generation: parsing makes many short-lived nodes, and the default one spends a quarter of the
  // time in scavenges.
  const resourceLimits = { maxYoungGenerationSizeMb: 96 }
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./page-worker.js', import.meta.url), { resourceLimits }))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= inputs.length) return resolve()
              const id = next++
              worker.postMessage({ id, input: inputs[id], cacheFile: options.cacheFiles?.[id] })
            }
            worker.on('message', (message: { id: number; result?: PageResult; error?: string }) => {
              if (message.error !== undefined) return reject(new Error(`${inputs[message.id]!.path}: ${message.error}`))
              results[message.id] = message.result!
              finished()
              send()
            })
            worker.on('error', reject)
            send()
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results
}
