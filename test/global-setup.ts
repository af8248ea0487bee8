import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * The CLI tests run the compiled generator: build dist/ once from the current sources, before any test file, as
 * `npm run build` does (it also copies the notification receiver's source, which the client emitter reads).
 */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' })
}
