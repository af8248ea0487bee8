// A worker thread of the page pool: builds the pages it is sent, one message each.
import { parentPort } from 'node:worker_threads'
import { buildPage, type PageInput } from './build-page.js'
import { encodeEntry } from './page-cache.js'

export type WorkerRequest = { id: number; input: PageInput }
export type WorkerReply = { id: number; entry?: Uint8Array; error?: string }

parentPort!.on('message', ({ id, input }: WorkerRequest) => {
  try {
    // The result goes back in its cache form, one buffer, handed over rather than copied.
    const encoded = encodeEntry(buildPage(input))
    // A small buffer is a slice of Node's shared pool, which must not be handed over.
    const entry = encoded.byteOffset === 0 && encoded.byteLength === encoded.buffer.byteLength ? encoded : Uint8Array.prototype.slice.call(encoded)
    parentPort!.postMessage({ id, entry } satisfies WorkerReply, [entry.buffer as ArrayBuffer])
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply)
  }
})
