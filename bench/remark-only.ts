// The benchmark's baseline, in a process of its own: remark-parse + remark-gfm + remark-frontmatter over every page
// on this one thread. Prints the milliseconds of the parse loop alone (reading the files and loading excluded).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { listPages } from '../generator/run/list-pages.js'

const docs = process.argv[2]!
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter)
const sources = listPages(docs).map((p) => readFileSync(join(docs, p), 'utf8'))
const started = performance.now()
for (const source of sources) processor.parse(source)
process.stdout.write(`${performance.now() - started}\n`)
