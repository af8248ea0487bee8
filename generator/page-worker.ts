// A worker thread of the page pool: builds the pages it is sent, one message each.
import { parentPort } from 'node:worker_threads'
import { buildPage, type PageInput } from './build-page.js'

parentPort!.on('message', async (message: { id: number; input: PageInput }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: await buildPage(message.input) })
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
