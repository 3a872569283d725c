import schema from '../../schemas/runtime-job.v1.schema.json' with { type: 'json' }
import { compileValidator } from '../json-schema.js'

export const validateRuntimeJob = compileValidator(schema)
