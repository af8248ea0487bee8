import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { progressReporter } from '../../generator/run/progress.js'

/** A stream that records what is written to it. */
function terminal(isTTY: boolean) {
  const written: string[] = []
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream
  return { stream, written }
}

describe('progress line', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['performance'] }))
  afterEach(() => vi.useRealTimers())

  test('silent when not a terminal', () => {
    expect(progressReporter(terminal(false).stream)).toBeUndefined()
  })

  test('on a terminal: nothing in the first second, then pages done/total, erased at the end', () => {
    const { stream, written } = terminal(true)
    const report = progressReporter(stream)!
    report(1, 10)
    vi.advanceTimersByTime(999)
    report(2, 10)
    expect(written).toEqual([])
    vi.advanceTimersByTime(2)
    report(3, 10)
    report(4, 10)
    report(10, 10)
    expect(written).toEqual(['\r\x1b[K3/10 pages', '\r\x1b[K4/10 pages', '\r\x1b[K'])
  })

  test('a run shorter than a second writes nothing, not even the erase', () => {
    const { stream, written } = terminal(true)
    const report = progressReporter(stream)!
    report(5, 10)
    report(10, 10)
    expect(written).toEqual([])
  })
})
