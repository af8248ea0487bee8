/**
 * Every diagnostic the generator reports, by stable rule id. Ids never change once published;
 * `A<n>` names the anomaly of `spec/input-format.md` §3 a rule covers.
 */
export type Severity = 'error' | 'warning' | 'info'

export interface Rule {
  severity: Severity
  description: string
}

export const rules = {
  // Pages and folders
  'page-name': { severity: 'error', description: "A page's folder or file name makes no identifier by the naming rule (README)." },
  'page-too-large': { severity: 'error', description: 'A page is larger than 1 MiB; it is not read.' },
  'invalid-utf8': { severity: 'warning', description: 'A page holds bytes that are not UTF-8; they are read as U+FFFD.' },
  'docs-symlink': { severity: 'warning', description: 'A symlink in the docs folder leads out of it, nowhere, or into a loop; it is not followed.' },
  'output-not-owned': { severity: 'error', description: 'A file in the way in the output folder is not in the manifest of files the generator wrote.' },
  'output-edited': { severity: 'error', description: 'A file the generator wrote was changed since; it is not replaced or removed without --force.' },
  'output-unsafe': { severity: 'error', description: 'An output path is not a plain relative path, or leads through a symlink in the output folder.' },
  'output-taken-over': { severity: 'warning', description: 'With --force, a file not written by the generator, or edited since, is replaced or removed.' },
  // Page structure
  'page-skipped': { severity: 'info', description: 'A redirect stub or catalogue page defines no operation (A19).' },
  'frontmatter-invalid': { severity: 'error', description: 'The YAML frontmatter does not parse or is not a map.' },
  'heading-without-method': { severity: 'error', description: 'A heading lacks a `{#get|post|put|patch|delete}` anchor.' },
  'duplicate-method': { severity: 'error', description: 'A page declares the same method twice.' },
  'missing-table': { severity: 'error', description: 'An operation lacks its request or response table.' },
  'table-unbound': { severity: 'error', description: 'A parameter table is not followed by `{.im-table #request|#response}` (A18).' },
  'table-binding-mismatch': { severity: 'warning', description: 'A table header and its `{.im-table #…}` line disagree.' },
  'unclosed-container': { severity: 'warning', description: 'A `:::` container is still open at the next table (A20).' },
  'duplicate-operation': { severity: 'error', description: 'Two pages define the same (URI, method).' },
  'missing-links': { severity: 'info', description: 'The operation has no `参阅` official-doc link (A24).' },
  'missing-description': { severity: 'info', description: 'The operation has no description (A24).' },
  // Rows and cells
  'table-header': { severity: 'error', description: 'A parameter table header is not `| KIND | 类型 {.type} | 描述 {.desc}`.' },
  'missing-description-cell': { severity: 'warning', description: 'A row has two cells, no description (A7).' },
  'empty-description': { severity: 'info', description: 'A row has an empty description cell (A8).' },
  'unescaped-pipe': { severity: 'warning', description: 'A description holds an unescaped `|`; the extra cells are joined (A9).' },
  'attribute-misplaced': { severity: 'warning', description: '`data-required` is in the type cell instead of the name cell (A10).' },
  'attribute-variant': { severity: 'info', description: '`data-encoded-by=json_encode` is read as `data-encoded=by-json_encode` (A11).' },
  'attribute-unknown': { severity: 'warning', description: 'An attribute the format does not define.' },
  'attribute-syntax': { severity: 'error', description: 'An attribute list `{…}` cannot be read.' },
  'unknown-type': { severity: 'error', description: 'A type cell holds no known type.' },
  'missing-name': { severity: 'error', description: 'A field row has an empty name cell.' },
  'non-identifier-name': { severity: 'warning', description: 'A field name contains a space (A13).' },
  'indexed-name': { severity: 'info', description: 'A field name is an indexed placeholder such as `coupon_id_$n` (A13).' },
  'placeholder-like-name': { severity: 'warning', description: 'A field name holds `$` and a letter, but not as a numbered placeholder (`_$n` between underscores or at the end); it is kept as a literal key.' },
  'inline-html': { severity: 'info', description: 'A description holds inline HTML or a Vue component (A25).' },
  // Nesting
  'nesting-too-deep': { severity: 'error', description: 'Rows nest deeper than 16 levels; the deeper rows are dropped.' },
  'indent-jump': { severity: 'warning', description: 'A row is indented more than one level below its parent (A1).' },
  'scalar-with-children': { severity: 'warning', description: 'A scalar field has children without a payload line row (A1).' },
  'payload-misplaced': { severity: 'warning', description: 'A decoded payload does not sit under its encrypted field (A2).' },
  'payload-handler-key': { severity: 'info', description: "Payload rows are named for the key where the page's handler stores the decrypted value (`original_data`); their members are the payload (A2)." },
  'payload-without-encoding': { severity: 'info', description: 'A payload line row follows a string with no `data-encoded`/`data-encrypted` (A3).' },
  'duplicate-field': { severity: 'warning', description: 'Two sibling fields share a name outside a variant list (A4).' },
  'empty-container': { severity: 'warning', description: 'An object or object[] has no documented members (A5).' },
  'placeholder-child': { severity: 'info', description: 'Whether an encoded list child is a real key or a label is undecided (A6).' },
  'line-row-position': { severity: 'warning', description: 'A line row is first, last, or next to another line row.' },
  'note-row-position': { severity: 'warning', description: 'A note row shares its table with other rows.' },
  // Enums
  'enum-irregular': { severity: 'info', description: 'An enum list is written in an irregular form; its values are still read (A14).' },
  'enum-prose': { severity: 'info', description: 'A description mentions 枚举 without a value list (A14).' },
  'enum-type-mismatch': { severity: 'warning', description: 'Enum values do not fit the field type; the enum is dropped (A15).' },
  // Roots and paths
  'unknown-root': { severity: 'warning', description: 'A top-level request row is no known root nor a path parameter.' },
  'path-parameter-undocumented': { severity: 'warning', description: 'A `{x}` URI segment has no request row (A16).' },
  'path-parameter-misnamed': { severity: 'warning', description: 'A path parameter row has another name than its `{x}` segment (A16).' },
  'empty-table': { severity: 'info', description: 'A parameter table has no rows (A17).' },
  'encrypted-without-serial': { severity: 'warning', description: 'Encrypted request fields without a `Wechatpay-Serial` header (A23).' },
  'event-type-mismatch': { severity: 'warning', description: "A webhook's `event_type` values do not include the file stem." },
  // Catalogues and navigation
  'catalogue-row': { severity: 'warning', description: 'A catalogue table row, cell or header cannot be read (no group cell, no link, an extra cell); it is left out of the navigation.' },
  'catalogue-rowspan': { severity: 'warning', description: "A catalogue group cell's `rowspan` does not match the rows that follow it." },
  'catalogue-link-unknown': { severity: 'warning', description: 'A catalogue link leads to no page (or no operation) of the docs; it is not linked.' },
  'catalogue-link-moved': { severity: 'warning', description: "A catalogue link leads to a redirect stub; it is linked to the stub's target." },
  'redirect-target-unknown': { severity: 'warning', description: 'A redirect stub leads to no page of the docs; no redirect is made.' },
  // Examples
  'example-syntax': { severity: 'warning', description: 'A PHP example cannot be read.' },
  'example-variant-mismatch': { severity: 'warning', description: 'The SDK example variants of one operation disagree.' },
  'example-call-mismatch': { severity: 'warning', description: "An example calls another URI or method than the page's." },
  'example-key-unknown': { severity: 'info', description: 'An example key has no row in the request table (A21).' },
  'example-type-mismatch': { severity: 'info', description: 'An example value does not fit the declared type or enum (A22).' },
  'example-label': { severity: 'info', description: 'A code tab that is no SDK variant (A26).' },
} satisfies Record<string, Rule>

export type RuleId = keyof typeof rules
