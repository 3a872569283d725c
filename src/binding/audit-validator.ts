import schema from '../../schemas/audit.v1.schema.json' with { type: 'json' }
import { compileValidator } from '../json-schema.js'

export const validateAuditReport = compileValidator(schema)
