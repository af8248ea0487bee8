import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ModuleDeclarationKind, Project, StructureKind, VariableDeclarationKind } from 'ts-morph'
import { describe, expect, test } from 'vitest'
import { pageDeclarations, pageTypesText } from '../../generator/emit/types/emit-types.js'
import { Kind, NAMESPACE, VAR } from '../../generator/emit/types/structure-kinds.js'
import { listPages } from '../../generator/run/list-pages.js'
import { docsDir, irOf } from '../helpers.js'
import { plain, readStructures } from './read-structures.js'

// The declaration model is ts-morph's structures: the layout prints them, and so does ts-morph's own printer; both
// texts read back with ts-morph to the structures that were printed.
describe('the declaration model as ts-morph structures', () => {
  const project = new Project({ useInMemoryFileSystem: true })
  const pages = listPages(docsDir).map((path) => {
    const { document } = irOf(readFileSync(join(docsDir, path), 'utf8'), path)
    return { path, page: document.pages[0]!, operations: document.operations }
  })

  test('the kinds are ts-morph’s', () => {
    expect(Kind).toEqual({
      CallSignature: StructureKind.CallSignature,
      Interface: StructureKind.Interface,
      MethodSignature: StructureKind.MethodSignature,
      Module: StructureKind.Module,
      Parameter: StructureKind.Parameter,
      PropertySignature: StructureKind.PropertySignature,
      TypeAlias: StructureKind.TypeAlias,
      VariableStatement: StructureKind.VariableStatement,
    })
    expect([NAMESPACE, VAR]).toEqual([ModuleDeclarationKind.Namespace, VariableDeclarationKind.Var])
  })

  test.each(pages.map((p) => [p.path, p] as const))('%s: the printed file reads back to its structures', (path, { page, operations }) => {
    const file = project.createSourceFile(`/layout/${path}.d.ts`, pageTypesText(page, operations), { overwrite: true })
    expect(readStructures(file)).toEqual(plain(pageDeclarations(operations)))
  })

  test.each(pages.map((p) => [p.path, p] as const))('%s: ts-morph prints the same structures', (path, { operations }) => {
    const structures = pageDeclarations(operations)
    const file = project.createSourceFile(`/ts-morph/${path}.d.ts`, { statements: structures }, { overwrite: true })
    const again = project.createSourceFile(`/reparsed/${path}.d.ts`, file.getFullText(), { overwrite: true })
    expect(readStructures(again)).toEqual(plain(structures))
  })
})
