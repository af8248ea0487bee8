import type { Yaml } from 'mdast'
import type { VFile } from 'vfile'
import { parse as parseYaml } from 'yaml'
import { report, type Place } from '../diagnostics/report.js'

/** What a page's frontmatter may say; anything else in it is ignored. */
export interface Frontmatter {
  title?: unknown
  description?: unknown
  head?: unknown
}

/** The frontmatter map of a `yaml` node; a problem is reported on `file` and gives an empty map. */
export function readFrontmatter(file: VFile, node: Yaml, place: Place): Frontmatter {
  try {
    const value: unknown = parseYaml(node.value)
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Frontmatter
    report(file, 'frontmatter-invalid', 'Unexpected frontmatter that is not a map, expected `title:` and `description:`', place)
  } catch (error) {
    report(file, 'frontmatter-invalid', `Unexpected YAML in the frontmatter: ${(error as Error).message.split('\n')[0]}`, place)
  }
  return {}
}
