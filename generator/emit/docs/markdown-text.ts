const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '`': '&#96;', '{': '&#123;', '}': '&#125;' }

/**
 * Docs text as inert text on the docs site: HTML (`<img onerror=…>`, written escaped or in code on the docs page,
 * arrives here as plain text) and Vue's `{{ … }}` (VitePress compiles every page as a Vue template) are written as
 * character references, which show as the characters and run as nothing.
 */
export function markdownText(text: string): string {
  return text.replace(/[&<>`{}]/g, (c) => REFERENCES[c]!)
}
