// A worker thread of the page pool: builds the pages it is sent, one message each, and writes their cache entries.
import { parentPort } from 'node:worker_threads'
import { buildPage, type PageInput } from './build-page.js'
import { encodeEntry, writeEntry } from './page-cache.js'

export type WorkerRequest = { kind: 'page'; id: number; input: PageInput; cacheFile?: string } | { kind: 'flush' }
export type WorkerReply = { kind: 'page'; id: number; entry?: Uint8Array; error?: string } | { kind: 'flushed'; error?: WriteError }
/** The first cache write that failed: its message, and the system error code (`ENOSPC`…). */
export type WriteError = { message: string; code?: string }

// Cache entries being written, and the first write that failed since the last flush.
const writing = new Set<Promise<void>>()
let writeError: WriteError | undefined

parentPort!.on('message', (message: WorkerRequest) => {
  if (message.kind === 'flush') {
    void Promise.all(writing).then(() => {
      reply({ kind: 'flushed', error: writeError })
      writeError = undefined
    })
    return
  }
  try {
    // The result goes back in its cache form, one buffer: far cheaper to copy across than an object tree.
    const entry = encodeEntry(buildPage(message.input))
    reply({ kind: 'page', id: message.id, entry })
    if (message.cacheFile) {
      const write = writeEntry(message.cacheFile, entry)
        .catch((error: NodeJS.ErrnoException) => void (writeError ??= { message: error.message, code: error.code }))
        .finally(() => writing.delete(write))
      writing.add(write)
    }
  } catch (error) {
    reply({ kind: 'page', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})

function reply(message: WorkerReply): void {
  parentPort!.postMessage(message)
}
