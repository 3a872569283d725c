import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  predicateValue
} from "./chunk-URB3I2LO.js";
import {
  MANIFEST_SUBJECT_NAME,
  STATEMENT_TYPE
} from "./chunk-WERL3RUE.js";
import {
  BINDING_PREDICATE_TYPE,
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  JsonSyntaxError,
  parseJsonLiteral
} from "./chunk-HJX6ZJ5B.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/proof/binding-statement.ts
var STATEMENT_SUBJECT_NAME = PROOF_FILES.statement;
var hex = (digest) => digest.replace(/^sha256:/, "");
function buildBindingStatement(doc) {
  return {
    _type: STATEMENT_TYPE,
    subject: [
      { name: STATEMENT_SUBJECT_NAME, digest: { sha256: hex(doc.provenance.aiir_statement) } },
      { name: MANIFEST_SUBJECT_NAME, digest: { sha256: hex(doc.provenance.workload_package) } }
    ],
    predicateType: BINDING_PREDICATE_TYPE,
    predicate: doc
  };
}
function bindingStatementPayload(doc) {
  return Buffer.from(JSON.stringify(buildBindingStatement(doc)), "utf8");
}
function receiptFileBytes(statementPayload) {
  let parsed;
  try {
    parsed = parseJsonLiteral(Buffer.from(statementPayload).toString("utf8"));
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new QprovError("STATEMENT_INVALID", "statement.json is not JSON", { cause: e });
    throw e;
  }
  const predicate = parsed?.predicate;
  if (predicate === null || typeof predicate !== "object" || Array.isArray(predicate))
    throw new QprovError("STATEMENT_INVALID", "the statement predicate is not a receipt object");
  return Buffer.from(JSON.stringify(predicateValue(predicate)), "utf8");
}

export {
  STATEMENT_SUBJECT_NAME,
  bindingStatementPayload,
  receiptFileBytes
};
