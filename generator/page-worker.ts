// A worker thread of the page pool: builds the pages it is sent, one message each, and writes their cache entries.
import { parentPort } from 'node:worker_threads'
import { buildPage, type PageInput } from './build-page.js'
import { writeEntry } from './page-cache.js'

parentPort!.on('message', (message: { id: number; input: PageInput; cacheFile?: string }) => {
  try {
    const result = buildPage(message.input)
    if (message.cacheFile) writeEntry(message.cacheFile, result)
    parentPort!.postMessage({ id: message.id, result })
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
