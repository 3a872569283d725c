import schema from '../../schemas/qprov.job.schema.json' with { type: 'json' }
import { compileValidator } from '../json-schema.js'

export const validateJobSpecSchema = compileValidator(schema)
