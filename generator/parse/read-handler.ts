/**
 * Where a webhook page's `[处理程序]` handler stores the decrypted resource, as a key path
 * (`$inBodyArray['resource']['original_data'] = $inBodyResourceArray;` → `['resource', 'original_data']`).
 * Followed by variable: the result of `…::decrypt(…)`, `json_decode`d, assigned under string keys.
 */
export function readDecryptedAt(code: string): string[] | undefined {
  const decrypted = /\$(\w+)\s*=\s*[^;]*?::decrypt\s*\(/.exec(code)?.[1]
  if (!decrypted) return undefined
  const decoded = new RegExp(`\\$(\\w+)\\s*=\\s*[^;]*?json_decode\\s*\\(\\s*\\$${decrypted}\\b`).exec(code)?.[1]
  if (!decoded) return undefined
  const stored = new RegExp(`\\$\\w+((?:\\[\\s*'[^'\\\\]+'\\s*\\])+)\\s*=\\s*\\$${decoded}\\s*;`).exec(code)?.[1]
  if (!stored) return undefined
  return [...stored.matchAll(/'([^'\\]+)'/g)].map((m) => m[1]!)
}
