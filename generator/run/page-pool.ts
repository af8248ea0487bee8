import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { PageInput, PageResult } from './build-page.js'
import { decodeEntry, encodeEntry, writeEntry } from './page-cache.js'
import type { WorkerReply, WorkerRequest } from './page-worker.js'

export interface BuildOptions {
  /** Each page's result as soon as it is built. */
  onBuilt?: (result: PageResult) => void
  /** Cache entry files to write, one per input. */
  cacheFiles?: Array<string | undefined>
}

// A larger young generation: parsing makes many short-lived nodes, and the default one spends a quarter of the time
// in scavenges.
const resourceLimits = { maxYoungGenerationSizeMb: 96 }

/**
 * Worker threads that build pages, one per core at most, results in input order. Workers start when there are pages
 * for them and stay until `close`, so a pool kept across runs (watch) has its page modules loaded. Even one page goes
 * to a worker, so that this thread can go on (reading the cache) meanwhile. With `threads: 1`, or from TypeScript
 * sources (the tests, which have no compiled worker to start), pages are built in this thread instead.
 */
export class PagePool {
  private readonly workers: Worker[] = []
  private readonly size: number
  private readonly inThread: boolean

  constructor(threads = availableParallelism()) {
    this.size = Math.max(1, threads)
    this.inThread = this.size === 1 || import.meta.url.endsWith('.ts')
  }

  async build(inputs: PageInput[], options: BuildOptions = {}): Promise<PageResult[]> {
    const results: PageResult[] = new Array(inputs.length)
    // Cache entries are written by libuv's threads while the pages build; the build ends when they are on disk.
    const writes: Array<Promise<void>> = []
    let writeError: NodeJS.ErrnoException | undefined
    const built = (index: number, result: PageResult, entry?: Uint8Array) => {
      results[index] = result
      const cacheFile = options.cacheFiles?.[index]
      if (cacheFile) writes.push(writeEntry(cacheFile, entry ?? encodeEntry(result)).catch((error) => void (writeError ??= error)))
      options.onBuilt?.(result)
    }
    if (inputs.length === 0) return results
    if (this.inThread) {
      const { buildPage } = await import('./build-page.js')
      for (const [i, input] of inputs.entries()) built(i, buildPage(input))
    } else {
      await this.dispatch(inputs, built)
    }
    await Promise.all(writes)
    if (writeError) throw Object.assign(new Error(`Unable to write the page cache: ${writeError.message}`), { code: writeError.code })
    return results
  }

  /** Hands the pages out to the workers, two at a time each, and passes on each result as it comes back. */
  private async dispatch(inputs: PageInput[], built: (index: number, result: PageResult, entry: Uint8Array) => void): Promise<void> {
    while (this.workers.length < Math.min(this.size, inputs.length)) this.start()
    let next = 0
    const seconds: Array<() => void> = []
    const run = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        const inFlight = new Set<number>()
        let failure: Error | undefined
        const stop = (error?: Error) => {
          worker.off('message', receive).off('error', stop).off('exit', exited)
          if (error) reject(error)
          else resolve()
        }
        // Out of memory, say: the pages it had are named, since one of them made it stop.
        const exited = (code: number) => {
          const pages = [...inFlight].map((id) => inputs[id]!.path).join(', ')
          stop(Object.assign(new Error(`A page worker stopped (exit code ${code}) while it built ${pages}`), { code: 'EWORKER' }))
        }
        const send = () => {
          if (next >= inputs.length) return inFlight.size === 0 && stop()
          const id = next++
          inFlight.add(id)
          worker.postMessage({ id, input: inputs[id]! } satisfies WorkerRequest)
        }
        const receive = ({ id, entry, error }: WorkerReply) => {
          inFlight.delete(id)
          if (error !== undefined) failure ??= new Error(`${inputs[id]!.path}: ${error}`)
          else if (!failure) built(id, decodeEntry(entry!), entry!)
          // After a failure, the page still in flight is awaited, so that no reply is left for the next build.
          if (!failure) send()
          else if (inFlight.size === 0) stop(failure)
        }
        worker.on('message', receive).on('error', stop).on('exit', exited)
        send()
        seconds.push(send)
      })
    const runs = this.workers.slice(0, inputs.length).map(run)
    // A second page each, once every worker has its first: a worker starts its next page while this thread takes
    // in the last one.
    for (const send of seconds) send()
    await Promise.all(runs)
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()))
  }

  private start(): void {
    const worker = new Worker(new URL('./page-worker.js', import.meta.url), { resourceLimits })
    // A worker that dies (out of memory, say) leaves the pool; the next build starts another.
    worker.once('exit', () => {
      const index = this.workers.indexOf(worker)
      if (index >= 0) this.workers.splice(index, 1)
    })
    this.workers.push(worker)
  }
}
