// tsc in a process of its own that prints, as it exits, the CPU time it used (user + system, in ms) on stderr: CPU
// time is less disturbed than wall time by other work on a shared machine.
import { createRequire } from 'node:module'

process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  process.stderr.write(`\ncpu-ms ${(user + system) / 1000}\n`)
})
createRequire(import.meta.url)('typescript/lib/tsc.js')
