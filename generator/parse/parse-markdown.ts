import type { Nodes, Root } from 'mdast'
import type { VFile } from 'vfile'
import { processor } from './processor.js'

/** A fence the line scan found: 0-based lines of its opening and closing fence lines. */
export interface ScannedFence {
  open: number
  close: number
}

export interface ParsedMarkdown {
  tree: Root
  /** How many code bodies micromark was spared; 0 when the page had to be parsed whole. */
  skipped: number
}

const OPENING = /^(`{3,}|~{3,})/
const CLOSING = /^ {0,3}(`+|~+)[ \t]*$/

/**
 * Parses a page to the same tree as `processor.parse`, without tokenizing the bodies of its code fences. Code is over
 * half of the corpus's bytes, and micromark walks it character by character only for the text to be taken back whole.
 * So the fences that open at column 1 are found by a line scan, their bodies are emptied (the lines stay, so every
 * line and column is unchanged) and put back from the source after the parse. If the parse does not find exactly
 * the scanned fences (a fence inside HTML or frontmatter, say), the page is parsed again as written.
 */
export function parseMarkdown(file: VFile): ParsedMarkdown {
  const source = String(file.value)
  // micromark turns CR and NUL into other text; such pages take the plain path.
  const lines = /[\r\0]/.test(source) ? [] : source.split('\n')
  const fences = scanFences(lines)
  if (fences.length > 0) {
    const hidden = lines.slice()
    for (const { open, close } of fences) hidden.fill('', open + 1, close)
    const tree = processor.parse(hidden.join('\n'))
    if (restoreBodies(tree, fences, lines)) {
      restoreOffsets(tree, lines)
      return { tree, skipped: fences.length }
    }
  }
  return { tree: processor.parse(file), skipped: 0 }
}

/**
 * Fences whose opening line starts at column 1, with their closing lines by CommonMark's rule: the same character,
 * at least as many, indented by at most 3 spaces, nothing after but spaces and tabs. An unclosed fence ends the scan.
 */
export function scanFences(lines: readonly string[]): ScannedFence[] {
  const fences: ScannedFence[] = []
  for (let i = 0; i < lines.length; i++) {
    const fence = OPENING.exec(lines[i]!)?.[1]
    if (!fence) continue
    let close = i + 1
    for (; close < lines.length; close++) {
      const end = CLOSING.exec(lines[close]!)?.[1]
      if (end && end[0] === fence[0] && end.length >= fence.length) break
    }
    if (close === lines.length) break
    fences.push({ open: i, close })
    i = close
  }
  return fences
}

/** Puts each body back into its code node; false unless every scanned fence is a top-level code node on its lines. */
function restoreBodies(tree: Root, fences: readonly ScannedFence[], lines: readonly string[]): boolean {
  let next = 0
  for (const node of tree.children) {
    const fence = fences[next]
    if (!fence) break
    const start = node.position!.start
    if (start.line - 1 < fence.open) continue
    if (node.type !== 'code' || start.line - 1 !== fence.open || start.column !== 1 || node.position!.end.line - 1 !== fence.close) return false
    node.value = lines.slice(fence.open + 1, fence.close).join('\n')
    next++
  }
  return next === fences.length
}

/** The emptied bodies shortened the text: offsets are computed again from lines and columns, which did not move. */
function restoreOffsets(tree: Root, lines: readonly string[]): void {
  const starts = [0]
  for (const line of lines) starts.push(starts.at(-1)! + line.length + 1)
  const visit = (node: Nodes): void => {
    const { start, end } = node.position!
    start.offset = starts[start.line - 1]! + start.column - 1
    end.offset = starts[end.line - 1]! + end.column - 1
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
}
