import { watch } from 'chokidar'

/**
 * Runs `run` again whenever a page under `dir` changes, until the process is interrupted. Changes that arrive while
 * a run is going are batched into the next one; with the page cache only changed pages are parsed and emitted.
 * chokidar rather than `fs.watch`: Node 20's recursive `fs.watch` on Linux stops reporting a file once an editor has
 * saved it by writing a copy and renaming it over the original.
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
  const watcher = watch(dir, { ignoreInitial: true })
  watcher.on('all', (event, path) => {
    if (path.endsWith('.md') || event === 'unlinkDir') schedule()
  })
  watcher.once('ready', () => process.stderr.write(`watching ${dir} (Ctrl-C to stop)\n`))
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      clearTimeout(timer)
      void watcher.close().then(resolve)
    })
  })
}
