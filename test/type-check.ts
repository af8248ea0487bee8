import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { projectDir } from './helpers.js'

export interface TypeCheckResult {
  errors: string[]
  files: number
  /** Milliseconds spent in `createProgram` plus diagnostics. */
  milliseconds: number
}

/**
 * Writes `files` to a fresh folder under node_modules/.cache (so `axios`, `fs` and `wechatpay-axios-plugin` resolve
 * from the project) and type-checks `roots` under `--strict` and any `options` besides, library files included.
 */
export function typeCheck(files: Map<string, string>, roots: string[], options: ts.CompilerOptions = {}): TypeCheckResult {
  return typeCheckEach(files, [{ roots }], options)[0]!
}

/**
 * `typeCheck` of several programs over the same files, each of its own roots: a later program reuses the files an
 * earlier one parsed. With `only`, a program's errors are those of the files it names (and its global ones).
 */
export function typeCheckEach(files: Map<string, string>, programs: Array<{ roots: string[]; only?: string[] }>, options: ts.CompilerOptions = {}): TypeCheckResult[] {
  const base = join(projectDir, 'node_modules/.cache')
  mkdirSync(base, { recursive: true })
  const dir = mkdtempSync(join(base, 'type-check-'))
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    let previous: ts.Program | undefined
    return programs.map(({ roots, only }) => {
      const started = performance.now()
      const program = ts.createProgram({
        rootNames: roots.map((root) => join(dir, root)),
        options: {
          strict: true,
          noEmit: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
          types: ['node'],
          typeRoots: [join(projectDir, 'node_modules/@types')],
          ...options,
        },
        ...(previous && { oldProgram: previous }),
      })
      previous = program
      const diagnostics = only
        ? [...program.getGlobalDiagnostics(), ...only.flatMap((path) => {
            const file = program.getSourceFile(join(dir, path))
            if (file === undefined) throw new Error(`${path} is not in the program`)
            return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
          })]
        : ts.getPreEmitDiagnostics(program)
      const milliseconds = performance.now() - started
      const errors = diagnostics.map((d) => {
        const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined
        const file = d.file ? d.file.fileName.slice(dir.length + 1) : ''
        return `${file}${where ? `:${where.line + 1}:${where.character + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
      })
      return { errors, files: program.getSourceFiles().length, milliseconds }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
