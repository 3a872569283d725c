import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  OUTPUT_NAMES,
  attestWorkload
} from "./chunk-QODLDESX.js";
import {
  attestClosureCheck
} from "./chunk-VZNLKQ4P.js";
import {
  receiptSource
} from "./chunk-HGHTOB4Y.js";
import {
  planSigning
} from "./chunk-WXX5DDHP.js";
import {
  rekorSearchURL
} from "./chunk-UVEIJ55Y.js";
import {
  signingSettings
} from "./chunk-QNEGL426.js";
import {
  checkOutputDir
} from "./chunk-3FPLHB7U.js";
import {
  formatProvenanceTags
} from "./chunk-TWZN2JUN.js";
import {
  rekorTagRefs
} from "./chunk-WTSU7EZI.js";
import {
  outputPath
} from "./chunk-67CPZEZ6.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/action/modes/attest.ts
import { resolve as resolve2 } from "node:path";

// src/action/signing.ts
import { resolve } from "node:path";
function actionSigning(inputs, env = process.env) {
  const inWorkspace = (p) => p ? resolve(inputs.workspace, p) : void 0;
  const choice = {
    fulcioURL: inputs.fulcioURL,
    rekorURL: inputs.rekorURL,
    tsaURL: inputs.tsaURL,
    rekorVersion: inputs.rekorVersion,
    signingConfig: inWorkspace(inputs.signingConfig),
    trustedRoot: inWorkspace(inputs.trustedRoot)
  };
  if (inputs.sandbox)
    return signingSettings(
      {
        sandbox: inputs.sandbox,
        ...inputs.sigstore !== "public-good" ? { instance: inputs.sigstore } : {},
        ...choice
      },
      "action"
    );
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL && !env.SIGSTORE_ID_TOKEN)
    throw new QprovError(
      "OIDC_UNAVAILABLE",
      `mode ${inputs.mode} signs with Sigstore and needs an OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: grant the job \`permissions: id-token: write\` (pull requests from forks and Dependabot never get it; run mode verify there instead)`
    );
  return signingSettings({ instance: inputs.sigstore, ...choice }, "action");
}

// src/action/modes/attest.ts
function actionReceipt(inputs) {
  return receiptSource(
    {
      ...inputs.receipt ? { receipt: resolve2(inputs.workspace, inputs.receipt) } : {},
      receiptsJson: inputs.receiptsJson,
      commit: inputs.commit,
      declareAi: inputs.declareAi,
      generator: "qprov.action",
      keep: true
    },
    "action"
  );
}
function requireWorkload(inputs) {
  if (inputs.workload.length === 0)
    throw new QprovError("USAGE", `input workload is required for mode ${inputs.mode}`);
}
async function runAttest(inputs, report) {
  requireWorkload(inputs);
  const signing = actionSigning(inputs);
  const outDir = outputPath(inputs.outDir, inputs.workspace, "out-dir");
  checkOutputDir(outDir, { what: "out-dir", files: Object.values(OUTPUT_NAMES) });
  const receipt = actionReceipt(inputs);
  const result = await attestWorkload({
    workload: inputs.workload,
    cwd: inputs.workspace,
    receipt,
    signing: () => planSigning(signing),
    outDir,
    checkManifest: attestClosureCheck(inputs.workspace),
    onProgress: (m) => report.info(m)
  });
  reportAttestation(result, report);
  report.output("job-tags", JSON.stringify(attestationTags(result)));
  report.output("out-dir", outDir);
  await report.summary({
    title: "qprov attest",
    rows: attestationRows(result),
    chain: chainOf(result),
    links: rekorLinks(inputs, result)
  });
}
function attestationTags(result) {
  return formatProvenanceTags({
    statementDigest: result.statementDigest,
    packageDigest: result.packageDigest,
    ...rekorTagRefs(result.rekor)
  });
}
function chainOf(result) {
  return {
    packageDigest: result.packageDigest,
    statementDigest: result.statementDigest,
    rekorLogIndex: result.rekor ? result.rekor.logIndex : null
  };
}
function rekorLinks(inputs, result) {
  const url = result.rekor?.apiVersion === 1 && inputs.sigstore === "public-good" && !inputs.sandbox && !inputs.rekorURL ? rekorSearchURL(result.rekor.logIndex) : void 0;
  return url ? [{ label: `Rekor entry ${result.rekor?.logIndex}`, url }] : [];
}
function reportAttestation(result, report) {
  report.output("statement-digest", result.statementDigest);
  report.output("package-digest", result.packageDigest);
  report.output("rekor-log-index", result.rekor?.logIndex ?? "");
  report.output("rekor-uuid", result.rekor?.apiVersion === 1 ? result.rekor.uuid : "");
  report.output("rekor-log-id", result.rekor?.apiVersion === 2 ? result.rekor.logId : "");
  report.output("bundle-path", result.files.bundle);
}
function attestationRows(result) {
  return [
    ["statement digest", result.statementDigest],
    ["workload package digest", result.packageDigest],
    ["Rekor log index", result.rekor?.logIndex ?? "(none: signed timestamp only)"],
    ...result.rekor?.apiVersion === 2 ? [
      ["Rekor v2 shard", result.rekor.url],
      ["Rekor log ID", result.rekor.logId]
    ] : [["Rekor entry UUID", result.rekor?.uuid ?? "(none: signed timestamp only)"]],
    ["bundle", result.files.bundle]
  ];
}

export {
  actionSigning,
  actionReceipt,
  requireWorkload,
  runAttest,
  attestationTags,
  chainOf,
  rekorLinks,
  reportAttestation,
  attestationRows
};
