import { watch } from 'node:fs'

/**
 * Runs `run` again whenever a page under `dir` changes, until the process is interrupted. Changes that arrive while
 * a run is going are batched into the next one; with the page cache only changed pages are parsed and emitted.
 */
export function watchDocs(dir: string, run: () => Promise<number>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let pending = false
  const schedule = () => {
    clearTimeout(timer)
    // Editors write a file in several steps; wait for them to settle.
    timer = setTimeout(() => {
      if (pending) return
      pending = true
      running = running.then(async () => {
        pending = false
        const started = performance.now()
        await run()
        process.stderr.write(`regenerated in ${Math.round(performance.now() - started)} ms; watching ${dir}\n`)
      })
    }, 30)
  }
  const watcher = watch(dir, { recursive: true }, (_, file) => {
    if (file === null || String(file).endsWith('.md')) schedule()
  })
  process.stderr.write(`watching ${dir} (Ctrl-C to stop)\n`)
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      watcher.close()
      clearTimeout(timer)
      resolve()
    })
  })
}
