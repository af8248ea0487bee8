import { parse } from 'yaml'

/** What the search index knows of a page: its frontmatter title, then its operations' headings and its path. */
export function searchText(src: string, path: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(src)
  let data: unknown
  try {
    data = front ? parse(front[1]!) : undefined
  } catch {
    // A page whose frontmatter is not YAML is still indexed, by its path.
  }
  const title = data && typeof data === 'object' && 'title' in data && typeof data.title === 'string' ? data.title : path
  const headings = [...src.matchAll(/^# (?!\{\{)(.+?)(?: \{#\w+\})?$/gm)].map((m) => `## ${m[1]}`)
  // Braces escaped: markdown-it-attrs would read `{out_order_no}` as attributes.
  return [`# ${title}`, ...headings, path.replace(/\.md$/, '')].join('\n\n').replace(/[{}]/g, '\\$&')
}
