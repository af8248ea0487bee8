/**
 * A progress line (`pages done/total`) on a terminal, shown once a run has taken a second, erased at the end;
 * nothing when stderr is not a TTY (CI logs, pipes).
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined
  const started = performance.now()
  let shown = false
  return (done, total) => {
    if (performance.now() - started < 1000 && !shown) return
    if (done >= total) {
      if (shown) stream.write('\r\x1b[K')
      return
    }
    shown = true
    stream.write(`\r\x1b[K${done}/${total} pages`)
  }
}
