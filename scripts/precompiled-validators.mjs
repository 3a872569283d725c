// An esbuild plugin: each src/**/*-validator.ts module (its exports are compileValidator() calls,
// src/json-schema.ts) becomes ajv's standalone code for the same schemas and options, so the
// bundles compile no JSON Schema at run time. The module is evaluated here with compileValidator
// swapped for a recorder of its arguments; nothing else of src/ runs.
import { dirname } from 'node:path'
import { build, transform } from 'esbuild'
import { Ajv } from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'

const RECORDER = 'qprov-validator-recorder'

/** `{ exportName: { schema, options } }` of one validator module. */
async function recordedValidators(path) {
  const out = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    logLevel: 'warning',
    plugins: [
      {
        name: RECORDER,
        setup(b) {
          b.onResolve({ filter: /\/json-schema\.js$/ }, () => ({ path: 'x', namespace: RECORDER }))
          b.onLoad({ filter: /.*/, namespace: RECORDER }, () => ({
            contents:
              'export const compileValidator = (schema, options = {}) => ({ schema, options })',
            loader: 'js'
          }))
        }
      }
    ]
  })
  const code = out.outputFiles[0].text
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
}

/** The module that replaces a validator module in the bundle. */
export async function standaloneValidatorModule(path) {
  const exports = Object.entries(await recordedValidators(path))
  if (exports.length === 0) throw new Error(`${path} exports no validator`)
  const code = exports
    .map(([name, { schema, options }]) => {
      if (!schema || typeof schema !== 'object') throw new Error(`${path}: ${name} is no validator`)
      // The options compileValidator() gives ajv, plus standalone code generation.
      const ajv = new Ajv({ strict: false, ...options, code: { source: true } })
      const cjs = standaloneCode(ajv, ajv.compile(schema))
      return `export const ${name} = (() => {\nconst module = { exports: {} };\n${cjs}\nreturn module.exports\n})();`
    })
    .join('\n')
  // Generated code nobody reads: minified, it parses in a third of the time at every start.
  return (await transform(code, { format: 'esm', minify: true, target: 'node24' })).code
}

export const precompiledValidators = {
  name: 'precompiled-validators',
  setup(b) {
    b.onLoad({ filter: /-validator\.ts$/ }, async args => ({
      contents: await standaloneValidatorModule(args.path),
      loader: 'js',
      resolveDir: dirname(args.path)
    }))
  }
}
