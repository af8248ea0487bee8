/**
 * Refuses options that cannot be run (a target unknown, a glob that matches nothing, `--out` inside the docs): an
 * error with code `EUSAGE`, which the CLI prints as one line and exits 2 on, and `generate()` throws.
 */
export function refuse(message: string): never {
  throw Object.assign(new Error(message), { code: 'EUSAGE' })
}
