import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/json-schema.ts
function firstSchemaError(validate) {
  const e = validate.errors?.[0];
  return `${e?.instancePath || "/"} ${e?.message ?? ""}`.trim();
}

export {
  firstSchemaError
};
