// A prepass worker: compiles the blocks it is sent with twoslash, as the site's transformer would, and posts each
// result back (the main thread writes the cache).
import { parentPort } from 'node:worker_threads'
import { createTwoslasher } from 'twoslash'
import { shikiPart, TWOSLASH_OPTIONS } from './twoslash-cache.js'

const twoslasher = createTwoslasher()
parentPort!.on('message', (codes: string[]) => {
  for (const code of codes) {
    try {
      parentPort!.postMessage({ code, result: shikiPart(twoslasher(code, 'js', TWOSLASH_OPTIONS)) })
    } catch (error) {
      // The site build compiles it again and reports the error where the page is.
      parentPort!.postMessage({ code, error: (error as Error).message })
    }
  }
  parentPort!.postMessage({ done: true })
})
