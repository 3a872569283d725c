import { compileValidator } from '../json-schema.js'
import { receiptSchema } from './receipt-schema.js'

// allErrors and verbose: every finding is reported, with the value it is about (AIIR's wording).
const OPTIONS = { allErrors: true, verbose: true }

export const validateReceiptV1 = compileValidator(receiptSchema(false), OPTIONS)
export const validateReceiptV2 = compileValidator(receiptSchema(true), OPTIONS)
