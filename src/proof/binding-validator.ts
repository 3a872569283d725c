import schema from '../../schemas/binding.v1.schema.json' with { type: 'json' }
import { compileValidator } from '../json-schema.js'

export const validateBindingSchema = compileValidator(schema)
