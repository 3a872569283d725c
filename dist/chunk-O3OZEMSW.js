import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/proof/crn.ts
var CRN_SHAPE = /^crn:v1:([a-z][a-z0-9-]{0,31}):([a-z][a-z0-9-]{0,31}):quantum-computing:([a-z][a-z0-9-]{0,31}):a\/([A-Za-z0-9-]{1,64}):([A-Za-z0-9-]{1,64})::$/;
function parseInstanceCrn(crn) {
  const m = CRN_SHAPE.exec(crn.trim());
  if (!m)
    throw new QprovError(
      "INPUT_INVALID",
      `not a Qiskit Runtime instance CRN: "${crn}" (expected crn:v1:<cname>:<ctype>:quantum-computing:<region>:a/<account>:<instance>::)`
    );
  return {
    crn: crn.trim(),
    cname: m[1],
    ctype: m[2],
    location: m[3],
    accountId: m[4],
    instanceId: m[5]
  };
}
function runtimeBaseURL(crn) {
  if (crn.location === "us-east") return "https://quantum.cloud.ibm.com/api/v1";
  return `https://${crn.location}.quantum.cloud.ibm.com/api/v1`;
}
function iamBaseURL(crn) {
  return crn.cname === "staging" ? "https://iam.test.cloud.ibm.com" : "https://iam.cloud.ibm.com";
}
function stripTrailingSlash(url) {
  return url.replace(/\/+$/, "");
}

export {
  parseInstanceCrn,
  runtimeBaseURL,
  iamBaseURL,
  stripTrailingSlash
};
