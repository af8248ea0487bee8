// A prerender worker: checks twoslash blocks and writes each result where the site's types cache reads it.
import { createTwoslasher } from 'twoslash'
import { siteSettings } from './site-settings.js'
import { twoslashCache } from './twoslash-cache.js'

const settings = siteSettings()
const cache = twoslashCache(settings)
const twoslasher = createTwoslasher(settings.twoslashOptions)
cache.init()

export interface BlockTask {
  /** Where the block is, for the failure's message. */
  at: string
  code: string
}

/** Checks one block; returns undefined, or the failure's text (the build then fails on it with the page named). */
export default function check({ at, code }: BlockTask): string | undefined {
  try {
    cache.write(code, twoslasher(code, 'js', settings.twoslashOptions))
    return undefined
  } catch (error) {
    return `${at}: ${error instanceof Error ? error.message : String(error)}`
  }
}
