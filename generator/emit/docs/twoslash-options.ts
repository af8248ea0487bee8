/**
 * Compiler options for the twoslash blocks, shared by the docs site and the tests: the example (business.js) is
 * type-checked as JavaScript, which the hand-written site never does.
 */
export const TWOSLASH_COMPILER_OPTIONS = {
  strict: true,
  allowJs: true,
  checkJs: true,
  types: ['node'],
} as const
