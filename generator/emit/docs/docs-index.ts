/** Where the page of a docs page goes: `openapi/v3/x.md` → `docs/openapi/v3/x.md`. */
export function docsPath(pageFile: string): string {
  return `docs/${pageFile}`
}
