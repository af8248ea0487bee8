import { lstatSync, mkdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * A relative output path that stays where it is put: `/`-separated names, none empty, `.` or `..`, no backslash and
 * no control or line-separator character. Paths from the page list, a cache entry, the manifest or a commit record
 * are all held to this before they are joined to a folder.
 */
export function isSafeRelative(path: string): boolean {
  if (path === '' || path.startsWith('/')) return false
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f\u2028\u2029]/.test(path)) return false
  return path.split('/').every((name) => name !== '' && name !== '.' && name !== '..')
}

/** Is `path` equal to `folder` or inside it? Both absolute and resolved. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest (for a folder not made yet). */
export function realPathOf(path: string): string {
  const absolute = resolve(path)
  const missing: string[] = []
  let at = absolute
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse())
    } catch {
      const parent = dirname(at)
      if (parent === at) return absolute
      missing.push(at.slice(parent.length).replace(/^[\\/]/, ''))
      at = parent
    }
  }
}

/**
 * Makes `folder` and its missing ancestors one at a time and returns the first it made (undefined when it existed).
 * Not `mkdirSync(…, { recursive: true })`: on Linux that loops forever under /proc, where mkdir answers ENOENT for a
 * parent that exists.
 */
export function makeFolder(folder: string): string | undefined {
  const absolute = resolve(folder)
  const missing: string[] = []
  for (let at = absolute; !exists(at); at = dirname(at)) {
    if (dirname(at) === at) break
    missing.push(at)
  }
  for (const at of missing.reverse()) mkdirSync(at)
  return missing[0]
}

/**
 * Makes the folders of the relative `path` inside `root` (a real path), refusing to go through anything that is not
 * a plain folder: a symlink there could lead out of `root`. Returns false when it refused.
 */
export function makeFoldersInside(root: string, path: string): boolean {
  let at = root
  for (const name of path.split('/').slice(0, -1)) {
    at = join(at, name)
    const stat = lstatSync(at, { throwIfNoEntry: false })
    if (stat === undefined) mkdirSync(at)
    else if (!stat.isDirectory()) return false
  }
  return true
}

/** Does the relative `path` inside `root` pass through a symlink or a non-folder before its last name? */
export function passesLink(root: string, path: string): boolean {
  let at = root
  for (const name of path.split('/').slice(0, -1)) {
    at = join(at, name)
    const stat = lstatSync(at, { throwIfNoEntry: false })
    if (stat === undefined) return false
    if (!stat.isDirectory()) return true
  }
  return false
}

function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined
}

/**
 * What a path leads to, or undefined when nothing is there: also when a name on the way is a file, or a symbolic
 * link leads nowhere or around in a loop (`lstatSync` tells those apart).
 */
export function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch (error) {
    if (['ENOTDIR', 'ELOOP'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined
    throw error
  }
}

/** A folder as the user named it: relative to the working directory when inside it, else absolute. */
export function folderLabel(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

/** Is the path itself a symbolic link (wherever it leads)? */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}
