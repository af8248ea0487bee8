import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { PageInput, PageResult } from './build-page.js'
import { decodeEntry, encodeEntry, writeEntry } from './page-cache.js'

export interface BuildOptions {
  onProgress?: (done: number) => void
  /** Cache entry files to write, one per input, by whoever builds the page. */
  cacheFiles?: Array<string | undefined>
}

// A larger young generation: parsing makes many short-lived nodes, and the default one spends a quarter of the time
// in scavenges.
const resourceLimits = { maxYoungGenerationSizeMb: 96 }

/**
 * Worker threads that build pages, one per core at most, results in input order. The first worker starts with the
 * pool, so the page modules load while the caller reads the pages and the cache; the others start when there are
 * pages for them. Even one page goes to a worker, so this thread can go on meanwhile. With `threads: 1`, or from
 * TypeScript sources (the tests, which have no compiled worker to start), pages are built in this thread instead.
 */
export class PagePool {
  private readonly workers: Worker[] = []
  private readonly size: number
  private readonly inThread: boolean

  constructor(threads = availableParallelism()) {
    this.size = Math.max(1, threads)
    this.inThread = this.size === 1 || import.meta.url.endsWith('.ts')
    if (!this.inThread) this.start()
  }

  async build(inputs: PageInput[], options: BuildOptions = {}): Promise<PageResult[]> {
    const results: PageResult[] = new Array(inputs.length)
    let done = 0
    const finished = () => options.onProgress?.(++done)
    if (inputs.length === 0) return results
    if (this.inThread) {
      const { buildPage } = await import('./build-page.js')
      for (const [i, input] of inputs.entries()) {
        results[i] = buildPage(input)
        const cacheFile = options.cacheFiles?.[i]
        if (cacheFile) writeEntry(cacheFile, encodeEntry(results[i]))
        finished()
      }
      return results
    }
    while (this.workers.length < Math.min(this.size, inputs.length)) this.start()
    let next = 0
    const run = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        const stop = (error?: Error) => {
          worker.off('message', receive).off('error', stop)
          if (error) reject(error)
          else resolve()
        }
        const send = () => {
          if (next >= inputs.length) return stop()
          const id = next++
          worker.postMessage({ id, input: inputs[id], cacheFile: options.cacheFiles?.[id] })
        }
        const receive = (message: { id: number; entry?: Uint8Array; error?: string }) => {
          if (message.error !== undefined) return stop(new Error(`${inputs[message.id]!.path}: ${message.error}`))
          results[message.id] = decodeEntry(message.entry!)
          finished()
          send()
        }
        worker.on('message', receive).on('error', stop)
        send()
      })
    await Promise.all(this.workers.slice(0, inputs.length).map(run))
    return results
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()))
  }

  private start(): void {
    this.workers.push(new Worker(new URL('./page-worker.js', import.meta.url), { resourceLimits }))
  }
}
