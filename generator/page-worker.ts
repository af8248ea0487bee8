// A worker thread of the page pool: builds the pages it is sent, one message each, and writes their cache entries.
import { parentPort } from 'node:worker_threads'
import { buildPage, type PageInput } from './build-page.js'
import { encodeEntry, writeEntry } from './page-cache.js'

// The result goes back in its cache form, one buffer: far cheaper to copy across than an object tree.
parentPort!.on('message', (message: { id: number; input: PageInput; cacheFile?: string }) => {
  try {
    const entry = encodeEntry(buildPage(message.input))
    if (message.cacheFile) writeEntry(message.cacheFile, entry)
    parentPort!.postMessage({ id: message.id, entry })
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
