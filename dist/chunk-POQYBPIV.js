import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/binding/rejection.ts
function describeRejection(r) {
  const x = r.rejection;
  switch (x.kind) {
    case "not-verified":
      return `failed ${x.checks.map((c) => c.check).join(", ")} (${r.detail})`;
    case "other-job":
      return `it verified for job ${x.jobId}`;
    case "no-signed-time":
      return `no signed time (${r.detail})`;
    case "incomplete":
      return `it lacks ${x.missing.join(", ")}, and no other source held the bytes its binding signs`;
  }
}

export {
  describeRejection
};
