import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  renderHtmlReport
} from "./chunk-DU3GINGV.js";
import "./chunk-7YEPZPNP.js";
import {
  verifiedResultsOf
} from "./chunk-UDZ6ALGH.js";
import "./chunk-4XYONISL.js";
import {
  trustedRootRef,
  verificationDocument,
  verificationPolicy
} from "./chunk-HXZ34EQT.js";
import {
  profileSettings
} from "./chunk-DK7I252X.js";
import {
  sandboxSigning
} from "./chunk-STCT3TBI.js";
import {
  checkOutputDir
} from "./chunk-3FPLHB7U.js";
import "./chunk-RICWK33N.js";
import "./chunk-NGTBCPG4.js";
import "./chunk-I22LZPDT.js";
import "./chunk-WNFLZQE4.js";
import "./chunk-BWSBA4KN.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-VADMPDA4.js";
import {
  escapeRegExp
} from "./chunk-YQTSYPUS.js";
import "./chunk-TVPTIO2N.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-XJJHODDG.js";
import {
  READ_LIMITS,
  readBoundedText
} from "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import {
  checkJobId
} from "./chunk-RCN3TL6S.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-JHKQVXEF.js";
import {
  writeFileAtomic
} from "./chunk-V4VES5YC.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/action/modes/verify.ts
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var REPORT_FILE = "qprov-verify-report.json";
var HTML_REPORT_FILE = "qprov-verify-report.html";
function verifyPolicy(inputs, ctx) {
  const sb = inputs.sandbox ? sandboxSigning(inputs.sandbox) : void 0;
  if (inputs.certificateIdentity && inputs.certificateIdentityRegexp)
    throw new QprovError(
      "USAGE",
      "give either input certificate-identity or certificate-identity-regexp, not both"
    );
  const issuer = inputs.certificateOidcIssuer ?? sb?.issuer ?? GITHUB_ACTIONS_ISSUER;
  if (inputs.certificateIdentity) return { identity: inputs.certificateIdentity, issuer };
  if (inputs.certificateIdentityRegexp)
    return { identityRegExp: inputs.certificateIdentityRegexp, issuer };
  if (sb) return { identity: sb.identity, issuer };
  const c = ctx();
  const repoURL = `${c.serverURL}/${c.repository}`;
  return {
    identityRegExp: `${escapeRegExp(repoURL)}/\\.github/workflows/.+@.+`,
    issuer,
    sourceRepository: repoURL
  };
}
function headSha(env, ctx) {
  try {
    if (env.GITHUB_EVENT_PATH) {
      const ev = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
      const sha = ev.pull_request?.head?.sha;
      if (typeof sha === "string" && /^[0-9a-f]{40}$/.test(sha)) return sha;
    }
  } catch {
  }
  return ctx.sha;
}
function annotations(verdicts, workspace) {
  return verdicts.flatMap(
    (v) => v.checks.filter((c) => c.status === "fail").map((c) => ({
      path: relative(workspace, resolve(workspace, v.bundle)) || v.bundle,
      startLine: 1,
      endLine: 1,
      level: "failure",
      title: `qprov ${c.name}`,
      message: c.detail || c.name
    }))
  );
}
async function runVerify(inputs, report, gh, verify, env = process.env) {
  if (inputs.bundle.length === 0)
    throw new QprovError("USAGE", "input bundle is required for mode verify");
  if (inputs.jobId) checkJobId(inputs.jobId, "input job-id");
  const policy = verifyPolicy(inputs, () => gh.context());
  const rootPath = inputs.trustedRoot ? resolve(inputs.workspace, inputs.trustedRoot) : inputs.sandbox ? sandboxSigning(inputs.sandbox).trustedRoot : void 0;
  const profile = profileSettings(
    { profile: inputs.sigstore, thresholds: inputs.thresholds, trustedRoot: rootPath },
    "action"
  );
  let trustedRoot;
  if (rootPath) trustedRoot = readBoundedText(rootPath, READ_LIMITS.trustedRoot);
  const paths = inputs.bundle.map((b) => resolve(inputs.workspace, b));
  let verdicts;
  try {
    verdicts = await verify(paths, {
      policy,
      profile,
      ...trustedRoot !== void 0 ? { trustedRoot } : {},
      ...inputs.aiPolicy ? { aiPolicy: inputs.aiPolicy } : {},
      ...inputs.jobId ? { jobId: inputs.jobId } : {},
      ...inputs.requireResults ? { requireResults: true } : {}
    });
  } catch (e) {
    report.output("verified", "false");
    throw e;
  }
  const document = verificationDocument(
    verdicts,
    verificationPolicy({
      policy,
      profile,
      ...inputs.aiPolicy ? { aiPolicy: inputs.aiPolicy } : {},
      ...inputs.jobId ? { jobId: inputs.jobId } : {}
    }),
    trustedRootRef(trustedRoot, rootPath, inputs.sandbox !== void 0 && !inputs.trustedRoot)
  );
  const ok = document.ok;
  try {
    await reportVerdicts(inputs, report, gh, env, document);
  } catch (e) {
    report.output("verified", "false");
    throw e;
  }
  report.output("verified", String(ok));
}
async function reportVerdicts(inputs, report, gh, env, document) {
  const { verdicts, ok } = document;
  const outDir = checkOutputDir(inputs.outDir, {
    what: "out-dir",
    files: [REPORT_FILE, HTML_REPORT_FILE],
    workspace: inputs.workspace
  });
  const reportPath = resolve(outDir, REPORT_FILE);
  const { mkdir } = await import("node:fs/promises");
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(reportPath, `${JSON.stringify(document, null, 2)}
`);
  const results = await verifiedResultsOf(verdicts);
  await writeFileAtomic(
    resolve(outDir, HTML_REPORT_FILE),
    renderHtmlReport(verdicts, { context: document, results })
  );
  report.output("report-path", reportPath);
  report.output("out-dir", outDir);
  for (const v of verdicts)
    report.info(
      `${v.ok ? "verified" : "NOT verified"}: ${v.bundle}${v.jobId ? ` (job ${v.jobId})` : ""}`
    );
  const failed = verdicts.flatMap(
    (v) => v.checks.filter((c) => c.status === "fail").map((c) => `${v.bundle}: ${c.name}`)
  );
  let checkRunURL;
  if (inputs.checkRun) {
    const ctx = gh.context();
    const sha = headSha(env, ctx);
    if (!sha) throw new QprovError("CONFIG_INVALID", "check-run needs GITHUB_SHA");
    const { renderSummary } = await import("./chunk-SEKPG6MP.js");
    const run = await gh.checkRuns().create({
      name: "qprov / verify",
      headSha: sha,
      conclusion: ok ? "success" : "failure",
      title: `${verdicts.filter((v) => v.ok).length} of ${verdicts.length} proof bundles verified`,
      summary: renderSummary({ title: "qprov verify", verdicts }),
      annotations: annotations(verdicts, inputs.workspace)
    });
    checkRunURL = run.url;
    report.output("check-run-url", run.url);
  }
  const only = verdicts.length === 1 ? results[0] : void 0;
  await report.summary({
    title: "qprov verify",
    verdicts,
    ...only ? { results: only } : {},
    links: checkRunURL ? [{ label: "check run", url: checkRunURL }] : []
  });
  if (!ok)
    throw new QprovError(
      "VERIFY_FAILED",
      verdicts.length === 0 ? "no proof bundle matched input bundle" : `not verified: ${failed.slice(0, 10).join(", ")}${failed.length > 10 ? `, and ${failed.length - 10} more` : ""}`
    );
}
export {
  GITHUB_ACTIONS_ISSUER,
  HTML_REPORT_FILE,
  REPORT_FILE,
  runVerify,
  verifyPolicy
};
