import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  renderHtmlReport
} from "./chunk-VT3FBFMF.js";
import {
  profileSettings
} from "./chunk-5LXNW2SB.js";
import {
  sandboxSigning
} from "./chunk-MCHGKCWG.js";
import {
  checkOutputDir
} from "./chunk-VMYWTYTI.js";
import "./chunk-RICWK33N.js";
import "./chunk-R6PTAEVD.js";
import {
  escapeRegExp
} from "./chunk-N66GVQD5.js";
import "./chunk-TNB3DE2D.js";
import {
  READ_LIMITS,
  readBoundedText
} from "./chunk-XBAMMUXC.js";
import {
  checkJobId
} from "./chunk-HI4SLY7O.js";
import "./chunk-KNIFMNVX.js";
import "./chunk-JHKQVXEF.js";
import {
  writeFileAtomic
} from "./chunk-BDJR5CXH.js";
import {
  QprovError
} from "./chunk-64TALR3W.js";
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
      ...inputs.jobId ? { jobId: inputs.jobId } : {}
    });
  } catch (e) {
    report.output("verified", "false");
    throw e;
  }
  const ok = verdicts.length > 0 && verdicts.every((v) => v.ok);
  try {
    await reportVerdicts(inputs, report, gh, env, verdicts, ok);
  } catch (e) {
    report.output("verified", "false");
    throw e;
  }
  report.output("verified", String(ok));
}
async function reportVerdicts(inputs, report, gh, env, verdicts, ok) {
  const outDir = checkOutputDir(inputs.outDir, {
    what: "out-dir",
    files: [REPORT_FILE, HTML_REPORT_FILE],
    workspace: inputs.workspace
  });
  const reportPath = resolve(outDir, REPORT_FILE);
  const { mkdir } = await import("node:fs/promises");
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(reportPath, `${JSON.stringify({ ok, verdicts }, null, 2)}
`);
  await writeFileAtomic(resolve(outDir, HTML_REPORT_FILE), renderHtmlReport(verdicts));
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
    const { renderSummary } = await import("./chunk-IDLSF3MS.js");
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
  await report.summary({
    title: "qprov verify",
    verdicts,
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
