import { readdirSync } from 'node:fs'
import { sep } from 'node:path'

/** Docs pages under `dir`: every `.md` below `openapi/` and `webhook/`, sorted, with `/` separators. */
export function listPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split(sep).join('/'))
    .filter((p) => /^(openapi|webhook)\/.+\.md$/.test(p))
    .sort()
}
