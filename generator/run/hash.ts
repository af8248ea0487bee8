import { createHash } from 'node:crypto'

/** sha256 (hex) of `parts`, each followed by a NUL, so that `['ab', 'c']` and `['a', 'bc']` differ. */
export function hashParts(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** sha256 (hex) of a file's content, as the manifest records it. */
export function hashContent(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}
