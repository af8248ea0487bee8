import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The CLI tests run the compiled generator: build dist/ once from the current sources, before any test file. */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' })
}
