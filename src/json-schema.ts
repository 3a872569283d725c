import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv'

/** A JSON Schema check: true when `data` conforms; otherwise `errors` says where and why. */
export interface SchemaValidator {
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}

/**
 * The validator of one of qprov's JSON Schemas, compiled by ajv on first use. Each call sits alone
 * in a `*-validator.ts` module: scripts/build.mjs replaces those modules with ajv's standalone code
 * for the same schema and options, so the shipped bundles compile no schema at run time (compiling
 * one costs tens of milliseconds at every start of `qprov verify`).
 */
export function compileValidator(schema: object, options: Options = {}): SchemaValidator {
  let compiled: ValidateFunction | undefined
  const validate: SchemaValidator = data => {
    compiled ??= new Ajv({ strict: false, ...options }).compile(schema)
    const ok = compiled(data)
    validate.errors = compiled.errors
    return ok
  }
  return validate
}

/** The first error as `/path message`, for a one-line refusal. */
export function firstSchemaError(validate: SchemaValidator): string {
  const e = validate.errors?.[0]
  return `${e?.instancePath || '/'} ${e?.message ?? ''}`.trim()
}
