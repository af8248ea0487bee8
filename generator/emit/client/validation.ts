// Opt-in validation for the generated client: wechatpay-codegen copies this file as it is into `client/validation.ts`
// beside `client.ts`, so it is type-checked and tested here as code. It reads the JSON Schemas the generator writes
// under `validation/` (target `validation`), one file per endpoint, and compiles them with ajv, which it loads on the first validated
// call: a client created without `validate` never loads ajv or a schema.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ErrorObject, ValidateFunction } from 'ajv'

/** What to check: the request (`data` and `config`, before the runtime signs them), the verified reply, or both. */
export type ValidateOption = 'request' | 'reply' | 'both'

export interface ValidationOptions {
  validate?: ValidateOption
}

/** One broken rule: where (`data.receivers[0].type`), which JSON Schema keyword, and ajv's message. */
export interface ValidationIssue {
  path: string
  rule: string
  message: string
}

/** Thrown (as the call's rejection) when a request or a reply breaks its operation's schema. */
export class WechatpayValidationError extends Error {
  override readonly name = 'WechatpayValidationError'

  constructor(
    /** The operation, as `v3/pay/transactions/jsapi#post`. */
    readonly operation: string,
    readonly direction: 'request' | 'reply',
    readonly issues: ValidationIssue[],
    /** The verified reply, for a reply that failed. */
    readonly response?: unknown,
  ) {
    super(`${operation} ${direction}: ${issues.map((i) => `${i.path} ${i.message} (${i.rule})`).join('; ')}`)
  }
}

/** The file the generator writes for an endpoint. */
interface OperationSchemas {
  operation: string
  data?: object
  config?: object
  reply?: object
}

type Part = 'data' | 'config' | 'reply'
type Compile = (schema: object) => ValidateFunction

/** The runtime's request method: every chain call (`wxpay.v3.….post(data, config)`) goes through it. */
type Request = (
  pathname: string,
  method: string,
  data?: unknown,
  config?: Record<string, unknown>,
) => Promise<{ data?: unknown }>

const MODES: readonly ValidateOption[] = ['request', 'reply', 'both']
/** An SDK URI as the chain makes it: `v2/…` or `v3/…`, plain segments (never `.` or `..`). */
const PATHNAME = /^v[23](\/(?!\.\.?(\/|$))[^/\\?#%]+)+$/

/**
 * Validates every call of `wxpay` that reaches the runtime's `request`: the chain's verbs and shortland call. Requests
 * are checked before the runtime signs them (a failing one is never sent), replies after the runtime verified their
 * signature. Calls of an operation the generator did not see (no schema file) are not checked.
 */
export function withValidation<T extends object>(wxpay: T, validate: ValidateOption, schemasDir: URL): T {
  if (!MODES.includes(validate))
    throw new TypeError(`Unexpected validate option ${JSON.stringify(validate)}, expected one of ${MODES.join(', ')}`)
  if (!existsSync(schemasDir)) {
    throw new Error(
      `Validation reads the schemas in ${fileURLToPath(schemasDir)}: generate them with the \`validation\` target`,
    )
  }
  const client = (wxpay as unknown as { client: { request: Request } }).client
  const request = client.request.bind(client)
  const validators = new Validators(schemasDir)
  const checked: Request = async (pathname, method, data, config) => {
    const operation = `${pathname}#${method}`
    if (validate !== 'reply') {
      const issues = [
        ...(await validators.issues(operation, pathname, method, 'data', data ?? {})),
        ...(await validators.issues(operation, pathname, method, 'config', config ?? {})),
      ]
      if (issues.length > 0) throw new WechatpayValidationError(operation, 'request', issues)
    }
    const response = await request(pathname, method, data, config)
    if (validate !== 'request') {
      const issues = await validators.issues(operation, pathname, method, 'reply', response.data)
      if (issues.length > 0) throw new WechatpayValidationError(operation, 'reply', issues, response)
    }
    return response
  }
  Object.defineProperty(client, 'request', { value: checked, configurable: true, writable: true })
  return wxpay
}

/** Schemas read and validators compiled on first use, once per operation and part. */
class Validators {
  private compile?: Promise<Compile>
  private readonly schemas = new Map<string, OperationSchemas | undefined>()
  private readonly compiled = new Map<string, ValidateFunction | undefined>()

  constructor(private readonly dir: URL) {}

  /** What `value` breaks of the operation's schema for `part`: nothing when it has none. */
  async issues(
    operation: string,
    pathname: string,
    method: string,
    part: Part,
    value: unknown,
  ): Promise<ValidationIssue[]> {
    const key = `${operation} ${part}`
    const schemas = this.load(operation, pathname, method)
    if (!this.compiled.has(key)) {
      const schema = schemas?.[part]
      this.compiled.set(key, schema && (await this.compiler())(schema))
    }
    const validator = this.compiled.get(key)
    if (!validator) return []
    if (part === 'config') value = withDocumentedHeaders(value as Record<string, unknown>, headerNames(schemas))
    return validator(value) ? [] : (validator.errors ?? []).map((error) => issueOf(part, error))
  }

  private load(operation: string, pathname: string, method: string): OperationSchemas | undefined {
    if (!this.schemas.has(operation)) {
      let schemas: OperationSchemas | undefined
      if (PATHNAME.test(pathname) && /^[a-z]+$/.test(method)) {
        try {
          schemas = JSON.parse(
            readFileSync(new URL(`${pathname}.${method}.json`, this.dir), 'utf8'),
          ) as OperationSchemas
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        }
      }
      this.schemas.set(operation, schemas)
    }
    return this.schemas.get(operation)
  }

  private compiler(): Promise<Compile> {
    this.compile ??= import('ajv/dist/2020.js').then(({ Ajv2020 }) => {
      const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true })
      return (schema: object) => ajv.compile(schema)
    })
    return this.compile
  }
}

/** The documented header names of an operation, to match the headers a call sends whatever their case. */
function headerNames(schemas: OperationSchemas | undefined): string[] {
  const config = schemas?.config as { properties?: { headers?: { properties?: object } } } | undefined
  return Object.keys(config?.properties?.headers?.properties ?? {})
}

/** `config` with its headers under their documented names (`wechatpay-serial` → `Wechatpay-Serial`). */
function withDocumentedHeaders(config: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const headers = config['headers']
  if (names.length === 0 || headers === null || typeof headers !== 'object') return config
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]))
  // Own members whatever the names (`fromEntries` defines them: a `__proto__` header stays a header).
  const documented = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [byLowerCase.get(name.toLowerCase()) ?? name, value]),
  )
  return { ...config, headers: documented }
}

/** ajv's error as an issue: a dotted path from the JSON pointer, the missing member named for `required`. */
function issueOf(root: string, error: ErrorObject): ValidationIssue {
  const segments =
    error.instancePath === ''
      ? []
      : error.instancePath
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  const missing =
    error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined
  if (missing !== undefined) segments.push(missing)
  const path = segments.reduce(
    (text, segment) =>
      text +
      (/^\d+$/.test(segment)
        ? `[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(segment)
          ? `.${segment}`
          : `[${JSON.stringify(segment)}]`),
    root,
  )
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues
  const message =
    missing !== undefined
      ? 'is required'
      : allowed
        ? `${error.message ?? 'is not allowed'}: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`
        : (error.message ?? error.keyword)
  return { path, rule: error.keyword, message }
}
