import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  rootIssued,
  verifyBundle
} from "./chunk-FBYFY6L7.js";
import {
  STATEMENT_SUBJECT_NAME,
  bindingStatementPayload,
  receiptFileBytes
} from "./chunk-MBCS6YYH.js";
import {
  parseRuntimeJob
} from "./chunk-NEPZQSOJ.js";
import {
  RESULTS_DATA_FILES,
  parseResultsStatement
} from "./chunk-DCUO6CLS.js";
import {
  DIGESTED_FILES,
  bindingBytes,
  canonicalJson,
  checkBinding,
  entryTagRefs,
  parseBinding,
  sha256Digest
} from "./chunk-I22LZPDT.js";
import {
  parseInstanceCrn
} from "./chunk-O3OZEMSW.js";
import {
  parseTags
} from "./chunk-TWZN2JUN.js";
import {
  closureFindings,
  isJobSpecPath,
  pubCircuits,
  specsWithoutCircuits
} from "./chunk-7W4FK6ST.js";
import {
  loadProofBundle
} from "./chunk-BWSBA4KN.js";
import {
  parseManifest
} from "./chunk-BG4X6T6Z.js";
import {
  AGENT_ATTESTATION_KEYS,
  AI_ATTESTATION_KEYS,
  AUTHORSHIP_CLASS_SPELLINGS,
  IDENTITY_FIELDS,
  REFERENCE_AGENT_MARKERS,
  REFERENCE_BOT_MARKERS,
  REFERENCE_GENERIC_PHRASES,
  REFERENCE_TOOL_PHRASES,
  REFERENCE_TRAILER_KEYS,
  verifyReceipt
} from "./chunk-VY4IG5ZV.js";
import {
  predicateValue
} from "./chunk-URB3I2LO.js";
import {
  rekorEntryOf
} from "./chunk-WTSU7EZI.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  MANIFEST_SUBJECT_NAME,
  buildStatement,
  parseStatement,
  predicateTypeFor,
  require_dist,
  statementPayloadBytes
} from "./chunk-WERL3RUE.js";
import {
  certificateSigner
} from "./chunk-QI5HYATW.js";
import {
  BINDING_PREDICATE_TYPE,
  PROOF_FILES,
  RESULTS_FILES
} from "./chunk-TVPTIO2N.js";
import {
  AI_AGENT_IDENTITIES,
  AI_TRAILER_KEYS,
  AUTOMATION_BOTS
} from "./chunk-BZNYSJDT.js";
import {
  parseJsonLiteral
} from "./chunk-HJX6ZJ5B.js";
import {
  oneLine
} from "./chunk-U5PWNO2I.js";
import {
  __toESM
} from "./chunk-TR6SGTEF.js";

// src/verify/bundle-context.ts
function digestOf(files, name) {
  const b = files[name];
  return b === void 0 ? void 0 : sha256Digest(b);
}
function parsedStatement(payload) {
  try {
    return parseStatement(payload);
  } catch {
    return void 0;
  }
}
function completeContext(ctx) {
  ctx.statement = parsedStatement(ctx.stmt.payload);
  ctx.bindingStatement = parsedStatement(ctx.bind.payload);
  if (ctx.bindingStatement !== void 0) {
    try {
      ctx.signedBinding = checkBinding(ctx.bindingStatement.predicate);
    } catch (e) {
      ctx.signedBindingError = oneLine(e);
    }
  }
  const m = ctx.files[PROOF_FILES.manifest];
  if (m === void 0) ctx.manifestError = `${PROOF_FILES.manifest} is missing`;
  else
    try {
      ctx.manifest = parseManifest(m);
    } catch (e) {
      ctx.manifestError = oneLine(e);
    }
  return ctx;
}

// src/verify/outcome-text.ts
var FINDING_TEXT = {
  "bundle-unreadable": "the proof bundle could not be read",
  "verification-error": "verification stopped on an unexpected error",
  "worker-lost": "no verify worker returned a verdict for this bundle",
  "file-missing": "is missing",
  "bundle-not-json": "is not JSON",
  "bundle-malformed": "is not a Sigstore bundle",
  "bundle-not-canonical": "is not in canonical form (JSON.stringify of the bundle)",
  "unsigned-field": "a field no signature covers is not what the signing profile writes",
  "signature-invalid": "did not verify",
  "untrusted-root": "was not signed under the trusted root in use",
  "not-dsse": "is not a DSSE bundle",
  "signer-policy": "the signer does not satisfy the policy",
  "signers-differ": "the two statements have different signers",
  "certificate-unreadable": "the signing certificate cannot be read",
  "payload-type": "the DSSE payload type is not in-toto",
  "statement-invalid": "is not an in-toto Statement v1",
  "statement-file-differs": "statement.json is not the signed DSSE payload",
  "predicate-type": "the predicate type is not the pinned one",
  "subjects-differ": "the subjects are not the expected ones",
  "statement-not-rebuilt": "the signed payload is not exactly the statement qprov builds from it",
  "manifest-invalid": "workload.manifest.json is not a valid manifest",
  "receipt-invalid": "receipt.json does not verify as an AIIR receipt",
  "receipt-differs": "receipt.json differs from the signed statement predicate",
  "commit-missing": "the signed receipt has no commit.sha",
  "commit-mismatch": "the commits disagree",
  "tlog-entry-invalid": "the statement bundle tlog entry cannot be read",
  "tlog-entry-mismatch": "the binding does not name the statement bundle Rekor entry",
  "binding-invalid": "the binding is not a valid binding v1",
  "binding-differs": "binding.json is not the signed predicate",
  "digest-mismatch": "a file does not have the sha256 the binding lists",
  "provenance-mismatch": "a provenance field disagrees with the files",
  "record-invalid": "runtime-job.json is not a valid job record",
  "job-mismatch": "the job ID is not the expected one",
  "tags-invalid": "the job record tags do not parse",
  "tags-missing": "the job record carries no qprov tags",
  "tag-mismatch": "a qprov tag disagrees with the signed binding",
  "record-mismatch": "the job record disagrees with the signed binding",
  "workload-mismatch": "the workload files are not the signed manifest",
  "spec-without-circuits": "the signed job spec has no .qasm file beside it in the signed package",
  "spec-not-in-workload": "the signed job spec is not in the --workload given",
  "spec-digest-differs": "the job spec read from the workload is not the signed one",
  "circuit-outside-package": "a circuit the signed job spec names is outside the package",
  "circuit-not-in-manifest": "a circuit the signed job spec names is not in the signed manifest",
  "circuit-digest-differs": "a circuit the signed job spec names differs from the signed one",
  "ai-attestation-invalid": "the receipt ai_attestation cannot be read",
  "ai-involved": "the receipt records AI involvement",
  "ai-undeclared": "the receipt records AI involvement that names no tool",
  "online-unavailable": "the live job could not be read",
  "online-mismatch": "the live job disagrees with the binding",
  "online-circuits-unreadable": "the circuits of the live job cannot be compared with the signed files",
  "online-circuit-mismatch": "the live job runs a circuit the package does not sign",
  "results-missing": "the bundle has no results layer, and results are required",
  "results-statement-differs": "is not the signed DSSE payload",
  "results-invalid": "is not a runtime-results statement qprov writes",
  "results-mismatch": "the results statement does not belong to this bundle",
  "results-digest-mismatch": "a stored file does not have the sha256 the results statement signs",
  "results-not-completed": "the signed results are not of a Completed job",
  "online-results-unavailable": "the live results could not be read",
  "online-results-mismatch": "IBM no longer serves the signed results bytes"
};
var quote = (v) => v === null ? "none" : JSON.stringify(v);
function mismatchText(m) {
  return `${m.field} is ${quote(m.actual)}, expected ${quote(m.expected)}`;
}
var MAX_LISTED = 20;
function findingText(kind, f = {}) {
  const base = FINDING_TEXT[kind];
  const lead = f.subject === void 0 ? base : /^(is|did|was) /.test(base) ? `${f.subject} ${base}` : `${f.subject}: ${base}`;
  let text2 = lead;
  if (f.code !== void 0) text2 += ` [${f.code}]`;
  if (f.mismatches?.length) text2 += `: ${f.mismatches.map(mismatchText).join("; ")}`;
  if (f.changes?.length) {
    const listed2 = f.changes.slice(0, MAX_LISTED).map((c) => `${c.change} ${c.path}`);
    const more = f.changes.length - listed2.length;
    text2 += `: ${listed2.join(", ")}${more > 0 ? `, and ${more} more` : ""}`;
  }
  if (f.note !== void 0 && f.note !== "") text2 += ` (${f.note})`;
  return text2;
}
var SKIP_TEXT = {
  "no-workload": "no --workload given",
  offline: "offline (no --online)",
  "prerequisite-failed": "not run",
  "no-results": "no results layer"
};
function skipText(reason, prerequisite) {
  return prerequisite === void 0 ? SKIP_TEXT[reason] : `${SKIP_TEXT[reason]}: ${prerequisite} failed`;
}

// src/verify/outcome.ts
var pass = (detail) => ({ status: "pass", detail });
function fail(finding, facts = {}) {
  const out = { status: "fail", finding, detail: findingText(finding, facts) };
  if (facts.mismatches?.length) out.mismatches = facts.mismatches;
  if (facts.changes?.length) out.changes = facts.changes;
  if (facts.code !== void 0) out.code = facts.code;
  return out;
}
function skip(reason, prerequisite) {
  const out = { status: "skip", reason, detail: skipText(reason, prerequisite) };
  if (prerequisite !== void 0) out.prerequisite = prerequisite;
  return out;
}
var notRun = (prerequisite) => skip("prerequisite-failed", prerequisite);
function mismatch(field, expected, actual) {
  const text2 = (v) => v === null || v === void 0 ? null : String(v);
  return { field, expected: text2(expected), actual: text2(actual) };
}

// src/verify/field-differences.ts
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var text = (v) => v === void 0 ? null : typeof v === "string" ? v : canonicalJson(v);
function fieldDifferences(expected, actual, path = "") {
  if (isObject(expected) && isObject(actual)) {
    const keys = [.../* @__PURE__ */ new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap(
      (k) => fieldDifferences(expected[k], actual[k], path === "" ? k : `${path}.${k}`)
    );
  }
  const same = expected === void 0 || actual === void 0 ? expected === actual : canonicalJson(expected) === canonicalJson(actual);
  return same ? [] : [mismatch(path === "" ? "(document)" : path, text(expected), text(actual))];
}

// src/verify/binding-checks.ts
function signed(ctx) {
  if (ctx.bind.signature.status !== "pass") return notRun("binding-signature");
  return ctx.signedBinding ?? fail("binding-invalid", { subject: "the signed binding", note: ctx.signedBindingError });
}
var isOutcome = (v) => "status" in v;
function transparencyEntry(ctx, trust) {
  const b = signed(ctx);
  if (isOutcome(b)) return b;
  if (ctx.stmt.signature.status !== "pass") return notRun("statement-signature");
  let entry;
  try {
    entry = rekorEntryOf(ctx.stmt.json);
  } catch (e) {
    return fail("tlog-entry-invalid", { note: oneLine(e) });
  }
  const t = b.provenance.transparency_entry;
  if (entry === void 0)
    return t === null ? pass("no Rekor entry (timestamp only), none bound") : fail("tlog-entry-mismatch", {
      // expected null: the statement bundle is not logged, so no entry may be bound
      mismatches: [mismatch("transparency_entry", null, "uuid" in t ? t.uuid : t.log_index)]
    });
  const mismatches = t === null ? [mismatch("transparency_entry", `${entry.logIndex} (Rekor v${entry.apiVersion})`, null)] : entryMismatches(entry, t, trust, ctx.stmt.json);
  if (mismatches.length > 0) return fail("tlog-entry-mismatch", { mismatches });
  return entry.apiVersion === 1 ? pass(`rekor ${entry.logIndex} ${entry.uuid}`) : pass(`rekor v2 ${entry.logIndex} in log ${entry.logId}`);
}
function entryMismatches(entry, t, trust, bundle) {
  const bound = "uuid" in t ? 1 : t.api_version;
  const found = [
    bound !== entry.apiVersion && mismatch("transparency_entry.api_version", entry.apiVersion, bound),
    String(t.log_index) !== entry.logIndex && mismatch("transparency_entry.log_index", entry.logIndex, t.log_index)
  ];
  if ("uuid" in t && entry.apiVersion === 1)
    found.push(t.uuid !== entry.uuid && mismatch("transparency_entry.uuid", entry.uuid, t.uuid));
  if (!("uuid" in t) && entry.apiVersion === 2) {
    const log = trust.tlogs.find((l) => l.logID.toString("hex") === entry.logId);
    const origin = checkpointOrigin(bundle);
    const shard = t.base_url.replace(/^https?:\/\//, "");
    found.push(
      t.log_id !== entry.logId && mismatch("transparency_entry.log_id", entry.logId, t.log_id),
      log?.baseURL !== t.base_url && mismatch(
        "transparency_entry.base_url (as the trusted root lists the log)",
        log?.baseURL,
        t.base_url
      ),
      origin !== shard && mismatch("checkpoint origin (the shard of base_url)", shard, origin)
    );
  }
  return found.filter((m) => m !== false);
}
function checkpointOrigin(bundle) {
  const entry = bundle?.verificationMaterial?.tlogEntries?.[0];
  const note = entry?.inclusionProof?.checkpoint?.envelope;
  return typeof note === "string" ? note.split("\n", 1)[0] : void 0;
}
function bindingConsistency(ctx) {
  const file = ctx.files[PROOF_FILES.binding];
  if (file === void 0) return fail("file-missing", { subject: PROOF_FILES.binding });
  let doc;
  try {
    doc = parseBinding(file);
  } catch (e) {
    return fail("binding-invalid", { subject: PROOF_FILES.binding, note: oneLine(e) });
  }
  const b = signed(ctx);
  if (isOutcome(b)) return b;
  if (!bindingBytes(b).equals(file))
    return fail("binding-differs", { mismatches: fieldDifferences(b, doc) });
  const digests = [];
  for (const name of DIGESTED_FILES) {
    const got = digestOf(ctx.files, name);
    if (got === void 0) return fail("file-missing", { subject: name });
    if (got !== doc.files[name]) digests.push(mismatch(name, doc.files[name], got));
  }
  if (digests.length > 0) return fail("digest-mismatch", { mismatches: digests });
  let receipt;
  try {
    receipt = parseJsonLiteral(
      ctx.files[PROOF_FILES.receipt].toString("utf8")
    );
  } catch (e) {
    return fail("receipt-invalid", { subject: PROOF_FILES.receipt, note: oneLine(e) });
  }
  let signer;
  try {
    signer = certificateSigner(ctx.stmt.json);
  } catch (e) {
    return fail("certificate-unreadable", { note: oneLine(e) });
  }
  const p = doc.provenance;
  const text2 = (v) => typeof v === "string" ? v : null;
  const provenance = [
    mismatch("aiir_statement", doc.files[PROOF_FILES.statement], p.aiir_statement),
    mismatch("workload_package", doc.files[PROOF_FILES.manifest], p.workload_package),
    mismatch("receipt.receipt_id", text2(receipt?.receipt_id), p.receipt.receipt_id),
    mismatch("receipt.content_hash", text2(receipt?.content_hash), p.receipt.content_hash),
    mismatch(
      "receipt.commit",
      text2(receipt?.commit?.sha),
      p.receipt.commit
    ),
    mismatch("signer.identity", signer.identity ?? null, p.signer.identity),
    mismatch("signer.issuer", signer.issuer ?? null, p.signer.issuer)
  ].filter((m) => m.expected !== m.actual);
  return provenance.length > 0 ? fail("provenance-mismatch", { mismatches: provenance }) : pass(`binding.json is signed and lists ${DIGESTED_FILES.length} file digests that match`);
}
function regionOf(crn) {
  try {
    return parseInstanceCrn(crn).location;
  } catch {
    return void 0;
  }
}
var canonicalOrNone = (v) => v === void 0 ? null : canonicalJson(v);
function runtimeRecord(ctx) {
  const file = ctx.files[PROOF_FILES.runtimeJob];
  if (file === void 0) return fail("file-missing", { subject: PROOF_FILES.runtimeJob });
  let job;
  try {
    job = parseRuntimeJob(file);
  } catch (e) {
    return fail("record-invalid", { note: oneLine(e) });
  }
  const b = signed(ctx);
  if (isOutcome(b)) return b;
  const r = b.runtime;
  const jobIds = [
    mismatch("job ID (--job)", ctx.opts.jobId ?? r.job_id, r.job_id),
    mismatch("jobId of the single-file bundle", r.job_id, ctx.declaredJobId ?? r.job_id),
    mismatch("job ID in the bundle file name", ctx.namedJobId ?? r.job_id, r.job_id),
    mismatch("runtime-job.json jobId", r.job_id, job.jobId)
  ].filter((m) => m.expected !== m.actual);
  if (jobIds.length > 0) return fail("job-mismatch", { mismatches: jobIds });
  let refs;
  try {
    refs = parseTags(job.tags).refs;
  } catch (e) {
    return fail("tags-invalid", { note: oneLine(e) });
  }
  if (refs === void 0) return fail("tags-missing");
  const bound = entryTagRefs(b.provenance.transparency_entry);
  const tags = [
    mismatch("tag qprov-stmt", b.provenance.aiir_statement, refs.statementDigest),
    mismatch("tag qprov-pkg", b.provenance.workload_package, refs.packageDigest),
    mismatch("tag qprov-rekor-idx", bound.rekorLogIndex ?? null, refs.rekorLogIndex ?? null),
    // The UUID tag is optional (eight tags at most); when present it must be the bound one.
    refs.rekorUuid === void 0 ? void 0 : mismatch("tag qprov-rekor-uuid", bound.rekorUuid ?? null, refs.rekorUuid),
    // A v2 index counts within its shard: the log tag is required with it.
    mismatch("tag qprov-rekor-log", bound.rekorLogId ?? null, refs.rekorLogId ?? null)
  ].filter((m) => m !== void 0 && m.expected !== m.actual);
  if (tags.length > 0) return fail("tag-mismatch", { mismatches: tags });
  const record = [
    mismatch("sessionId", r.session_id, job.sessionId ?? null),
    mismatch("backend", r.backend, job.backend ?? null),
    mismatch("program", r.program, job.program ?? null),
    mismatch("created", r.created, job.created ?? null),
    mismatch("instanceCRN", r.instance.crn, job.instanceCRN),
    mismatch("binding runtime.instance.region", regionOf(r.instance.crn), r.instance.region),
    job.backendSource === void 0 ? void 0 : mismatch("backendSource", r.backend_source, job.backendSource),
    mismatch("targetCheck", canonicalOrNone(r.target_check), canonicalOrNone(job.targetCheck))
  ].filter((m) => m !== void 0 && m.expected !== m.actual);
  return record.length > 0 ? fail("record-mismatch", { mismatches: record }) : pass(`job ${job.jobId}: ${job.tags.length} tags carry this statement, package and log entry`);
}

// src/verify/content-checks.ts
var sameSubjects = (a, b) => JSON.stringify(a) === JSON.stringify(b);
var WORKLOAD = "the workload statement";
var BINDING = "the binding statement";
function statementContent(ctx) {
  if (ctx.stmt.signature.status !== "pass") return notRun("statement-signature");
  if (ctx.bind.signature.status !== "pass") return notRun("binding-signature");
  if (ctx.stmt.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail("payload-type", {
      subject: WORKLOAD,
      mismatches: [mismatch("payloadType", IN_TOTO_PAYLOAD_TYPE, ctx.stmt.payloadType)]
    });
  if (ctx.bind.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail("payload-type", {
      subject: BINDING,
      mismatches: [mismatch("payloadType", IN_TOTO_PAYLOAD_TYPE, ctx.bind.payloadType)]
    });
  const s = ctx.statement;
  const b = ctx.bindingStatement;
  const payload = ctx.stmt.payload;
  const bindingPayload = ctx.bind.payload;
  if (s === void 0 || payload === void 0)
    return fail("statement-invalid", { subject: WORKLOAD });
  if (b === void 0 || bindingPayload === void 0)
    return fail("statement-invalid", { subject: BINDING });
  const stmtFile = ctx.files[PROOF_FILES.statement];
  if (stmtFile === void 0 || !stmtFile.equals(payload)) return fail("statement-file-differs");
  const receipt = s.predicate;
  if (receipt === null || typeof receipt !== "object" || Array.isArray(receipt))
    return fail("statement-invalid", { subject: WORKLOAD, note: "its predicate is not a receipt" });
  let expectedType;
  try {
    expectedType = predicateTypeFor(receipt);
  } catch (e) {
    return fail("predicate-type", { subject: WORKLOAD, note: oneLine(e) });
  }
  if (s.predicateType !== expectedType)
    return fail("predicate-type", {
      subject: WORKLOAD,
      mismatches: [mismatch("predicateType", expectedType, s.predicateType)]
    });
  if (ctx.manifest === void 0) return fail("manifest-invalid", { note: ctx.manifestError });
  let expected;
  try {
    expected = buildStatement({
      manifest: ctx.manifest,
      receipt
    });
  } catch (e) {
    return fail("statement-not-rebuilt", { subject: WORKLOAD, note: oneLine(e) });
  }
  if (!sameSubjects(s.subject, expected.subject))
    return fail("subjects-differ", {
      subject: WORKLOAD,
      note: "they must be the manifest files, the manifest and the commit"
    });
  let rebuilt;
  try {
    const literal = parseJsonLiteral(payload.toString("utf8"));
    rebuilt = statementPayloadBytes(
      buildStatement({
        manifest: ctx.manifest,
        receipt: predicateValue(literal.predicate)
      })
    );
  } catch (e) {
    return fail("statement-not-rebuilt", { subject: WORKLOAD, note: oneLine(e) });
  }
  if (!rebuilt.equals(payload)) return fail("statement-not-rebuilt", { subject: WORKLOAD });
  if (b.predicateType !== BINDING_PREDICATE_TYPE)
    return fail("predicate-type", {
      subject: BINDING,
      mismatches: [mismatch("predicateType", BINDING_PREDICATE_TYPE, b.predicateType)]
    });
  const bindingSubjects = [
    {
      name: STATEMENT_SUBJECT_NAME,
      digest: { sha256: sha256Digest(payload).slice(7) }
    },
    { name: MANIFEST_SUBJECT_NAME, digest: { sha256: ctx.manifest.digest.slice(7) } }
  ];
  if (!sameSubjects(b.subject, bindingSubjects))
    return fail("subjects-differ", {
      subject: BINDING,
      note: "they must be this statement and this package"
    });
  if (ctx.signedBinding === void 0)
    return fail("binding-invalid", { subject: "the signed binding", note: ctx.signedBindingError });
  if (!bindingStatementPayload(ctx.signedBinding).equals(bindingPayload))
    return fail("statement-not-rebuilt", { subject: BINDING });
  return pass(
    `${s.predicateType} over ${ctx.manifest.files.length} file(s); ${BINDING_PREDICATE_TYPE}`
  );
}

// src/receipt/ai-signals.ts
var TRAILER_KEYS = /* @__PURE__ */ new Set([...REFERENCE_TRAILER_KEYS, ...AI_TRAILER_KEYS]);
var AGENT_MARKERS = /* @__PURE__ */ new Set([
  ...REFERENCE_AGENT_MARKERS,
  ...AI_AGENT_IDENTITIES
]);
var BOT_MARKERS = [...REFERENCE_BOT_MARKERS, ...AUTOMATION_BOTS];
var named = (s) => /\S/.test(s);
function readIdentitySignal(signal) {
  for (const field of IDENTITY_FIELDS) {
    const prefix = `${field}_bot:`;
    const marker = signal.slice(prefix.length);
    if (signal.startsWith(prefix) && named(marker)) return { field, marker };
  }
  return void 0;
}
function readAiSignal(signal) {
  const after = (prefix) => signal.startsWith(prefix) ? signal.slice(prefix.length) : "";
  const declared = after("declared:");
  if (named(declared)) return { form: "declared", tool: declared };
  const coAuthor = after("trailer:co-authored-by:");
  if (named(coAuthor)) return { form: "co-author-trailer", tool: coAuthor };
  const trailer = after("trailer:");
  if (TRAILER_KEYS.has(trailer)) return { form: "trailer", key: trailer };
  const phrase = after("message_match:");
  if (REFERENCE_TOOL_PHRASES.has(phrase)) return { form: "tool-phrase", phrase };
  if (REFERENCE_GENERIC_PHRASES.has(phrase)) return { form: "generic-phrase", phrase };
  const identity = readIdentitySignal(signal);
  return identity === void 0 ? { form: "unknown" } : { form: "agent-identity", ...identity };
}

// src/receipt/ai-involvement.ts
var CLASS_ASSERTS = {
  human: { ai: false, bot: false },
  ai_assisted: { ai: true, bot: false },
  ai_generated: { ai: true },
  bot: { ai: false, bot: true },
  "ai+bot": { ai: true, bot: true }
};
function impliedClass(ai, bot) {
  if (ai) return bot ? "ai+bot" : "ai_assisted";
  return bot ? "bot" : "human";
}
var isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function shown(v) {
  if (v === void 0) return "absent";
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
var Reading = class {
  attributions = [];
  unattributed = [];
  inconsistencies = [];
  agentIsAi = false;
  agentIsBot = false;
  result(kind) {
    const { attributions, unattributed, inconsistencies } = this;
    return { kind, attributions, unattributed, inconsistencies };
  }
  problem(kind, field, expected, actual) {
    this.inconsistencies.push({ kind, field, expected, actual });
  }
  /** A value of the wrong type, or a required one that is missing. */
  badValue(field, expected, v) {
    this.problem(v === void 0 ? "missing" : "wrong-type", field, expected, shown(v));
  }
  flag(att, key, required) {
    const v = att[key];
    if (typeof v === "boolean") return v;
    if (required || v !== void 0) this.badValue(`ai_attestation.${key}`, "a boolean", v);
    return void 0;
  }
  /** The list; `[]` when an optional one is absent; undefined when it is not a list of strings. */
  list(att, key, required) {
    const v = att[key];
    if (v === void 0 && !required) return [];
    if (Array.isArray(v) && v.every((s) => typeof s === "string")) return v;
    this.badValue(`ai_attestation.${key}`, "a list of strings", v);
    return void 0;
  }
  /** `<key>` must be the length of `<of>`; a list that did not read is not compared. */
  count(att, key, required, of, list2) {
    const v = att[key];
    if (v === void 0 && !required) return;
    if (!Number.isSafeInteger(v) || v < 0)
      this.badValue(`ai_attestation.${key}`, "a non-negative integer", v);
    else if (list2 !== void 0 && v !== list2.length)
      this.problem("count-mismatch", `ai_attestation.${key}`, `${list2.length} = len(${of})`, `${v}`);
  }
};
function readAiSignals(r, signals) {
  signals.forEach((signal, i) => {
    const s = readAiSignal(signal);
    const attribute = (source, name, commitWide = false) => r.attributions.push({ source, name, evidence: signal, commitWide });
    if (s.form === "unknown")
      r.problem(
        "unknown-signal",
        `ai_attestation.signals_detected[${i}]`,
        "a known signal form",
        shown(signal)
      );
    else if (s.form === "generic-phrase") r.unattributed.push(signal);
    else if (s.form === "declared") attribute("declared", s.tool, true);
    else if (s.form === "co-author-trailer") attribute("trailer", s.tool);
    else if (s.form === "trailer") attribute("trailer", s.key);
    else if (s.form === "tool-phrase") attribute("tool-phrase", s.phrase);
    else attribute("agent-identity", s.marker);
  });
}
function readBotSignals(r, signals) {
  signals.forEach((signal, i) => {
    const field = `ai_attestation.bot_signals_detected[${i}]`;
    const id = readIdentitySignal(signal);
    if (id === void 0) r.problem("unknown-signal", field, "<field>_bot:<marker>", shown(signal));
    else if (AGENT_MARKERS.has(id.marker))
      r.problem("ai-agent-as-bot", field, "an automation bot marker", shown(signal));
  });
}
function readAgentAttestation(r, receipt) {
  const ext = receipt.extensions;
  if (!isRecord(ext) || ext.agent_attestation === void 0) return;
  const field = "extensions.agent_attestation";
  const a = ext.agent_attestation;
  if (!isRecord(a)) return r.badValue(field, "an object", a);
  for (const [k, v] of Object.entries(a))
    if (!AGENT_ATTESTATION_KEYS.has(k))
      r.problem("unknown-field", `${field}.${k}`, "absent", shown(v));
    else if (typeof v !== "string") r.badValue(`${field}.${k}`, "a string", v);
  const name = [a.tool_id, a.model_class].find(
    (v) => typeof v === "string" && named(v)
  );
  if (name === void 0) return;
  const lower = name.toLowerCase();
  if (a.model_class === void 0 && BOT_MARKERS.some((m) => lower.includes(m))) r.agentIsBot = true;
  else {
    r.agentIsAi = true;
    r.attributions.push({ source: "agent-attestation", name, evidence: field, commitWide: true });
  }
}
function readClass(r, cls) {
  if (cls === void 0) return void 0;
  const meaning = AUTHORSHIP_CLASS_SPELLINGS.get(cls);
  if (meaning === void 0)
    r.problem("unknown-class", "ai_attestation.authorship_class", "an AIIR class", shown(cls));
  return meaning;
}
function classifyAiInvolvement(receipt) {
  const r = new Reading();
  readAgentAttestation(r, receipt);
  const att = receipt.ai_attestation;
  if (!isRecord(att)) {
    r.badValue("ai_attestation", "an object", att);
    return r.result(r.agentIsAi ? "ai" : "none");
  }
  for (const [k, v] of Object.entries(att))
    if (!AI_ATTESTATION_KEYS.has(k))
      r.problem("unknown-field", `ai_attestation.${k}`, "absent", shown(v));
  const isAi = r.flag(att, "is_ai_authored", true);
  const isBot = r.flag(att, "is_bot_authored", false);
  const aiList = r.list(att, "signals_detected", true);
  const botList = r.list(att, "bot_signals_detected", false);
  r.count(att, "signal_count", true, "signals_detected", aiList);
  r.count(att, "bot_signal_count", false, "bot_signals_detected", botList);
  if (typeof att.detection_method !== "string")
    r.badValue("ai_attestation.detection_method", "a string", att.detection_method);
  const meaning = readClass(r, att.authorship_class);
  readAiSignals(r, aiList ?? []);
  readBotSignals(r, botList ?? []);
  const hasAi = (aiList ?? []).length > 0;
  const hasBot = (botList ?? []).length > 0;
  const flagField = (key) => `ai_attestation.${key}`;
  if (isAi !== void 0 && isAi !== hasAi)
    r.problem("flag-contradicts-signals", flagField("is_ai_authored"), `${hasAi}`, `${isAi}`);
  if (isBot !== void 0 && isBot !== hasBot)
    r.problem("flag-contradicts-signals", flagField("is_bot_authored"), `${hasBot}`, `${isBot}`);
  const asserts = meaning && CLASS_ASSERTS[meaning];
  if (asserts !== void 0 && (asserts.ai !== hasAi || (asserts.bot ?? hasBot) !== hasBot))
    r.problem(
      "class-contradicts-signals",
      flagField("authorship_class"),
      impliedClass(hasAi, hasBot),
      shown(att.authorship_class)
    );
  const ai = isAi === true || hasAi || asserts?.ai === true || r.agentIsAi;
  const bot = isBot === true || hasBot || asserts?.bot === true || r.agentIsBot;
  return r.result(ai ? "ai" : bot ? "bot-only" : "none");
}

// src/verify/ai-policy.ts
function decideAiPolicy(policy, involvement) {
  const findings = [];
  if (policy !== "any")
    for (const inconsistency of involvement.inconsistencies)
      findings.push({ kind: "inconsistent-attestation", inconsistency });
  if (policy === "no-ai" && involvement.kind === "ai") findings.push({ kind: "ai-involved" });
  const declaredForCommit = involvement.attributions.some((a) => a.commitWide);
  if (policy === "declared-only" && !declaredForCommit)
    for (const signal of involvement.unattributed)
      findings.push({ kind: "unattributed-ai", signal });
  return { policy, ok: findings.length === 0, findings, involvement };
}
var INCONSISTENCY_TEXT = {
  missing: "missing",
  "wrong-type": "wrong type",
  "unknown-field": "not an AIIR field",
  "count-mismatch": "count disagrees with its list",
  "flag-contradicts-signals": "flag contradicts the signals",
  "unknown-class": "unknown authorship class",
  "class-contradicts-signals": "class contradicts the signals",
  "unknown-signal": "unknown signal form",
  "ai-agent-as-bot": "AI agent recorded as an automation bot"
};
var MAX_LISTED2 = 5;
function listed(items) {
  const more = items.length - MAX_LISTED2;
  return items.slice(0, MAX_LISTED2).join(", ") + (more > 0 ? ` and ${more} more` : "");
}
function aiParts(inv) {
  const named2 = inv.attributions.map((a) => a.evidence);
  return [
    ...named2.length > 0 ? [`named by ${listed(named2)}`] : [],
    ...inv.unattributed.length > 0 ? [`naming no tool: ${listed(inv.unattributed)}`] : []
  ];
}
function summary(inv) {
  if (inv.kind === "none") return "no AI involvement recorded";
  if (inv.kind === "bot-only") return "automation only, no AI involvement recorded";
  const parts = aiParts(inv);
  return `AI involvement${parts.length > 0 ? ` (${parts.join("; ")})` : ""}`;
}
function describeAiPolicy(d) {
  return `${d.policy}: ${summary(d.involvement)}`;
}
function findingNote(f, inv) {
  if (f.kind === "ai-involved") return aiParts(inv).join("; ");
  if (f.kind === "unattributed-ai")
    return `${f.signal} names no tool, and none is declared for the commit`;
  const { kind, field, expected, actual } = f.inconsistency;
  return `${field}: ${INCONSISTENCY_TEXT[kind]}, expected ${expected}, got ${actual}`;
}
function aiPolicyFindingNote(d) {
  const [first, ...rest] = d.findings;
  if (first === void 0) return "";
  const more = rest.length > 0 ? `; ${rest.length} more finding${rest.length > 1 ? "s" : ""}` : "";
  return findingNote(first, d.involvement) + more;
}

// src/verify/receipt-checks.ts
var NULL_OID = /^0{40}$|^0{64}$/;
function signedReceipt(ctx) {
  const p = ctx.statement?.predicate;
  return p !== null && typeof p === "object" && !Array.isArray(p) ? p : void 0;
}
function receiptIntegrity(ctx) {
  const file = ctx.files[PROOF_FILES.receipt];
  if (file === void 0) return fail("file-missing", { subject: PROOF_FILES.receipt });
  let parsed;
  try {
    parsed = parseJsonLiteral(file.toString("utf8"));
  } catch (e) {
    return fail("receipt-invalid", { note: `not JSON: ${oneLine(e)}` });
  }
  const v = verifyReceipt(parsed);
  if (!v.valid) return fail("receipt-invalid", { note: v.errors.join("; ") });
  if (ctx.stmt.payload === void 0) return notRun("statement-signature");
  let expected;
  try {
    expected = receiptFileBytes(ctx.stmt.payload);
  } catch (e) {
    return fail("statement-invalid", { subject: "the workload statement", note: oneLine(e) });
  }
  if (!expected.equals(file)) return fail("receipt-differs");
  return pass(`receipt ${v.receipt_id} verifies and equals the signed predicate`);
}
function commitConsistency(ctx) {
  const statement = ctx.statement;
  if (statement === void 0) return notRun("statement-signature");
  const receipt = signedReceipt(ctx);
  if (receipt === void 0) return notRun("statement-content");
  const sha = receipt.commit?.sha;
  if (typeof sha !== "string") return fail("commit-missing");
  const commits = statement.subject.filter((s) => s.digest.gitCommit !== void 0);
  if (commits.length !== 1 || commits[0].digest.gitCommit !== sha)
    return fail("commit-mismatch", {
      mismatches: [
        mismatch(
          "the statement gitCommit subject",
          sha,
          commits.map((c) => c.digest.gitCommit).join(", ") || null
        )
      ]
    });
  const certDigest = ctx.stmt.signer?.claims?.sourceRepositoryDigest;
  const named2 = certDigest !== void 0 && !NULL_OID.test(certDigest);
  if (named2 && certDigest !== sha)
    return fail("commit-mismatch", {
      mismatches: [mismatch("the certificate source repository digest", sha, certDigest)]
    });
  const via = named2 ? " and certificate" : "";
  return pass(`commit ${sha} in receipt, statement${via}`);
}
var AI_FINDING = {
  "inconsistent-attestation": "ai-attestation-invalid",
  "ai-involved": "ai-involved",
  "unattributed-ai": "ai-undeclared"
};
function aiPolicyCheck(ctx, policy) {
  const receipt = signedReceipt(ctx);
  if (receipt === void 0) return notRun("statement-signature");
  const decision = decideAiPolicy(policy, classifyAiInvolvement(receipt));
  const first = decision.findings[0];
  if (first === void 0) return pass(describeAiPolicy(decision));
  return fail(AI_FINDING[first.kind], { subject: policy, note: aiPolicyFindingNote(decision) });
}

// src/verify/signature-checks.ts
var import_bundle = __toESM(require_dist(), 1);

// src/verify/der.ts
var TAG = {
  integer: 2,
  octetString: 4,
  null: 5,
  oid: 6,
  sequence: 48,
  set: 49,
  context0: 160,
  context1: 161
};
var DerError = class extends Error {
};
function readOne(buf, at) {
  if (at + 2 > buf.length) throw new DerError("truncated element");
  const tag = buf[at];
  if ((tag & 31) === 31) throw new DerError("high tag numbers are not used here");
  let len = buf[at + 1];
  let header = 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 4 || at + 2 + n > buf.length) throw new DerError("bad length");
    if (buf[at + 2] === 0) throw new DerError("non-minimal length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[at + 2 + i];
    if (len < 128) throw new DerError("non-minimal length");
    header = 2 + n;
  }
  const end = at + header + len;
  if (end > buf.length) throw new DerError("truncated element");
  const bytes = buf.subarray(at, end);
  const content = buf.subarray(at + header, end);
  const tlv = { tag, bytes, content };
  if (tag & 32) tlv.children = readAll(content);
  return tlv;
}
function readAll(buf) {
  const out = [];
  let at = 0;
  while (at < buf.length) {
    const t = readOne(buf, at);
    out.push(t);
    at += t.bytes.length;
  }
  return out;
}
function parseDer(buf) {
  const t = readOne(buf, 0);
  if (t.bytes.length !== buf.length) throw new DerError("bytes after the element");
  return t;
}
function childrenOf(t, tag, what) {
  if (t === void 0 || t.tag !== tag || t.children === void 0)
    throw new DerError(`${what} is not the expected element`);
  return t.children;
}

// src/verify/strict-encoding.ts
function derExact(b64, field) {
  if (typeof b64 !== "string") return mismatch(field, "a DER value", null);
  try {
    if (parseDer(Buffer.from(b64, "base64")).tag === TAG.sequence) return void 0;
    return mismatch(field, "a DER SEQUENCE", "another value");
  } catch (e) {
    return mismatch(field, "one DER value", e.message);
  }
}
function strictEncodingProblem(bundle) {
  const root = bundle;
  const vm = root?.verificationMaterial;
  const env = root?.dsseEnvelope;
  const problems = [];
  for (const [i, s] of (env?.signatures ?? []).entries())
    problems.push(derExact(s?.sig, `dsseEnvelope.signatures[${i}].sig`));
  const cert = vm?.certificate;
  if (cert !== void 0)
    problems.push(derExact(cert.rawBytes, "verificationMaterial.certificate.rawBytes"));
  const tsv = vm?.timestampVerificationData;
  for (const [i, t] of (tsv?.rfc3161Timestamps ?? []).entries())
    problems.push(
      derExact(
        t?.signedTimestamp,
        `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`
      )
    );
  for (const [i, e] of (vm?.tlogEntries ?? []).entries()) {
    const at = `verificationMaterial.tlogEntries[${i}]`;
    const promise = e?.inclusionPromise;
    if (promise !== void 0)
      problems.push(
        derExact(promise.signedEntryTimestamp, `${at}.inclusionPromise.signedEntryTimestamp`)
      );
    const proof = e?.inclusionProof;
    if (proof !== void 0) problems.push(checkpointAgrees(proof, `${at}.inclusionProof`));
  }
  return problems.find((p) => p !== void 0);
}
var SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/;
function signatureLinesCanonical(note, field) {
  const sep = note.indexOf("\n\n");
  const lines = note.slice(sep + 2).split("\n");
  if (sep < 0 || lines.pop() !== "" || lines.length !== 1)
    return mismatch(field, "exactly one signature line", `${Math.max(0, lines.length)} lines`);
  const m = SIGNATURE_LINE.exec(lines[0]);
  if (!m || Buffer.from(m[2], "base64").toString("base64") !== m[2])
    return mismatch(field, '"\u2014 <name> <canonical base64>"', "another signature line");
  const origin = note.slice(0, note.indexOf("\n"));
  if (origin !== m[1] && !origin.startsWith(`${m[1]} - `))
    return mismatch(`${field} signer name`, `the origin's name (${origin})`, m[1]);
  return void 0;
}
function checkpointAgrees(proof, at) {
  const note = proof.checkpoint?.envelope;
  if (typeof note !== "string") return mismatch(`${at}.checkpoint`, "a checkpoint", null);
  const lines = signatureLinesCanonical(note, `${at}.checkpoint.envelope`);
  if (lines) return lines;
  const [, size, root] = note.split("\n");
  if (String(proof.treeSize) !== size)
    return mismatch(`${at}.treeSize`, size, String(proof.treeSize));
  if (typeof proof.rootHash !== "string" || !Buffer.from(proof.rootHash, "base64").equals(Buffer.from(String(root), "base64")))
    return mismatch(
      `${at}.rootHash`,
      root,
      typeof proof.rootHash === "string" ? proof.rootHash : null
    );
  return void 0;
}

// src/verify/timestamp-token.ts
import { createHash } from "node:crypto";
var GRANTED = Buffer.from("3003020100", "hex");
var SIGNED_DATA_OID = Buffer.from("06092a864886f70d010702", "hex");
var TST_INFO_OID = Buffer.from("060b2a864886f70d0109100104", "hex");
var SIGNED_DATA_V3 = Buffer.from("020103", "hex");
var SIGNER_INFO_V1 = Buffer.from("020101", "hex");
function exactly(t, bytes, what) {
  if (t === void 0 || !t.bytes.equals(bytes))
    throw new DerError(`${what} is not ${bytes.toString("hex")}`);
}
function algorithm(t, what) {
  const parts = childrenOf(t, TAG.sequence, what);
  const paramsOk = parts.length === 1 || parts.length === 2 && parts[1].bytes.equals(Buffer.from("0500", "hex"));
  if (parts[0]?.tag !== TAG.oid || !paramsOk) throw new DerError(`${what} has other parameters`);
  return t;
}
function encapsulatedTstInfo(t) {
  const [type, wrapped, ...rest] = childrenOf(t, TAG.sequence, "encapContentInfo");
  exactly(type, TST_INFO_OID, "eContentType");
  const [octets, ...more] = childrenOf(wrapped, TAG.context0, "eContent");
  if (rest.length > 0 || more.length > 0 || octets?.tag !== TAG.octetString)
    throw new DerError("eContent is not one OCTET STRING");
  if (parseDer(octets.content).tag !== TAG.sequence) throw new DerError("TSTInfo is not a SEQUENCE");
}
function signerInfo(t) {
  const parts = childrenOf(t, TAG.sequence, "SignerInfo");
  if (parts.length !== 6) throw new DerError("SignerInfo has unsigned attributes or lacks a member");
  const [version, sid, digest, signedAttrs, signatureAlg, signature] = parts;
  exactly(version, SIGNER_INFO_V1, "SignerInfo version");
  const [issuer, serial, ...extra] = childrenOf(sid, TAG.sequence, "sid");
  if (issuer?.tag !== TAG.sequence || serial?.tag !== TAG.integer || extra.length > 0)
    throw new DerError("sid is not an IssuerAndSerialNumber");
  childrenOf(signedAttrs, TAG.context0, "signedAttrs");
  if (signature.tag !== TAG.octetString) throw new DerError("the signature is not an OCTET STRING");
  return {
    digest: algorithm(digest, "digestAlgorithm"),
    signature: algorithm(signatureAlg, "signatureAlgorithm")
  };
}
function timestampTokenProfile(der) {
  const root = parseDer(der);
  const [status, token, ...rest] = childrenOf(root, TAG.sequence, "TimeStampResp");
  if (rest.length > 0) throw new DerError("TimeStampResp has extra members");
  exactly(status, GRANTED, "PKIStatusInfo");
  const [contentType, explicit, ...more] = childrenOf(token, TAG.sequence, "ContentInfo");
  exactly(contentType, SIGNED_DATA_OID, "contentType");
  const [signedData, ...after] = childrenOf(explicit, TAG.context0, "content");
  if (more.length > 0 || after.length > 0) throw new DerError("ContentInfo has extra members");
  const sd = childrenOf(signedData, TAG.sequence, "SignedData");
  const withCertificates = sd.length === 5 && sd[3].tag === TAG.context0;
  if (sd.length !== 4 && !withCertificates)
    throw new DerError("SignedData has CRLs or other members");
  const certificates = withCertificates ? sd[3] : void 0;
  exactly(sd[0], SIGNED_DATA_V3, "SignedData version");
  encapsulatedTstInfo(sd[2]);
  const signers = childrenOf(sd[sd.length - 1], TAG.set, "signerInfos");
  if (signers.length !== 1) throw new DerError("the token has more than one signer");
  const { digest, signature } = signerInfo(signers[0]);
  const digests = childrenOf(sd[1], TAG.set, "digestAlgorithms");
  if (digests.length !== 1 || !digests[0].bytes.equals(digest.bytes))
    throw new DerError("digestAlgorithms is not the signer digest algorithm alone");
  for (const cert of certificates?.children ?? [])
    if (cert.tag !== TAG.sequence) throw new DerError("an embedded certificate is not a SEQUENCE");
  return {
    digestAlgorithm: digest.bytes.toString("hex"),
    signatureAlgorithm: signature.bytes.toString("hex"),
    certificates: certificates === void 0 ? null : createHash("sha256").update(certificates.bytes).digest("hex")
  };
}

// src/verify/unsigned-fields.ts
var BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
var REKOR_V1 = "0.0.1";
var REKOR_V2 = "0.0.2";
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
var list = (v) => Array.isArray(v) ? v : [];
var present = (v) => v === void 0 ? "absent" : "present";
function envelopeProblem(b) {
  const sigs = list(obj(b.dsseEnvelope)?.signatures);
  if (sigs.length !== 1)
    return mismatch("dsseEnvelope.signatures", "1 signature", `${sigs.length} signatures`);
  const keyid = obj(sigs[0])?.keyid;
  if (keyid !== void 0 && keyid !== "")
    return mismatch("dsseEnvelope.signatures[0].keyid", "", JSON.stringify(keyid));
  return void 0;
}
function loggedCertificate(entry) {
  let body;
  try {
    body = obj(JSON.parse(Buffer.from(String(entry.canonicalizedBody), "base64").toString("utf8")));
  } catch {
    return void 0;
  }
  const spec = obj(body?.spec);
  const v1 = obj(list(spec?.signatures)[0])?.verifier;
  if (typeof v1 === "string") {
    const pem = Buffer.from(v1, "base64").toString("utf8");
    const m = /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=\n]+)-----END CERTIFICATE-----\n?$/.exec(
      pem
    );
    return m ? Buffer.from(m[1], "base64").toString("base64") : void 0;
  }
  const v2 = obj(obj(obj(obj(spec?.hashedRekordV002)?.signature)?.verifier)?.x509Certificate);
  return typeof v2?.rawBytes === "string" ? v2.rawBytes : void 0;
}
var KIND_OF_VERSION = { [REKOR_V1]: "dsse", [REKOR_V2]: "hashedrekord" };
function tlogEntryProblem(entry, at, certificate) {
  const kv = obj(entry.kindVersion);
  const kind = KIND_OF_VERSION[String(kv?.version)];
  if (kv === void 0 || kind === void 0)
    return mismatch(`${at}.kindVersion.version`, `${REKOR_V1} or ${REKOR_V2}`, String(kv?.version));
  if (kv.kind !== kind) return mismatch(`${at}.kindVersion.kind`, kind, String(kv.kind));
  const proof = obj(entry.inclusionProof);
  if (proof === void 0) return mismatch(`${at}.inclusionProof`, "present", "absent");
  if (kv.version === REKOR_V1) {
    if (entry.inclusionPromise === void 0)
      return mismatch(`${at}.inclusionPromise`, "present", "absent");
  } else {
    if (entry.inclusionPromise !== void 0)
      return mismatch(`${at}.inclusionPromise`, "absent", "present");
    if (entry.integratedTime !== void 0)
      return mismatch(`${at}.integratedTime`, "absent", String(entry.integratedTime));
    if ((entry.logIndex ?? "0") !== (proof.logIndex ?? "0"))
      return mismatch(
        `${at}.logIndex`,
        String(proof.logIndex ?? "0"),
        String(entry.logIndex ?? "0")
      );
  }
  const logged = loggedCertificate(entry);
  if (logged !== certificate)
    return mismatch(
      "verificationMaterial.certificate.rawBytes",
      "the certificate the log entry names",
      logged === void 0 ? "a log entry without one" : "another certificate"
    );
  return void 0;
}
function timestampProblems(vm) {
  const tokens = list(obj(vm.timestampVerificationData)?.rfc3161Timestamps);
  if (tokens.length > 1)
    return mismatch("rfc3161Timestamps", "at most 1 timestamp", `${tokens.length} timestamps`);
  for (const [i, t] of tokens.entries())
    try {
      timestampTokenProfile(Buffer.from(String(obj(t)?.signedTimestamp), "base64"));
    } catch (e) {
      return mismatch(
        `rfc3161Timestamps[${i}].signedTimestamp`,
        "the RFC 3161 response a Sigstore TSA writes",
        e.message
      );
    }
  return void 0;
}
function unsignedFieldProblem(json) {
  const b = obj(json) ?? {};
  if (b.mediaType !== BUNDLE_MEDIA_TYPE)
    return mismatch("mediaType", BUNDLE_MEDIA_TYPE, JSON.stringify(b.mediaType));
  const envelope = envelopeProblem(b);
  if (envelope) return envelope;
  const vm = obj(b.verificationMaterial) ?? {};
  const certificate = obj(vm.certificate)?.rawBytes;
  if (typeof certificate !== "string")
    return mismatch("verificationMaterial.certificate", "present", "absent");
  const entries = list(vm.tlogEntries);
  if (entries.length > 1)
    return mismatch("tlogEntries", "at most 1 entry", `${entries.length} entries`);
  for (const [i, e] of entries.entries()) {
    const p = tlogEntryProblem(obj(e) ?? {}, `tlogEntries[${i}]`, certificate);
    if (p) return p;
  }
  return timestampProblems(vm) ?? strictEncodingProblem(json);
}
function evidenceShape(json) {
  const vm = obj(obj(json)?.verificationMaterial) ?? {};
  const shape = list(vm.tlogEntries).map((e) => {
    const entry = obj(e) ?? {};
    const kv = obj(entry.kindVersion);
    return [
      `tlog ${String(kv?.kind)}/${String(kv?.version)}`,
      `log ${String(obj(entry.logId)?.keyId)}`,
      `inclusionPromise ${present(entry.inclusionPromise)}`,
      `inclusionProof ${present(entry.inclusionProof)}`
    ].join(", ");
  });
  for (const t of list(obj(vm.timestampVerificationData)?.rfc3161Timestamps)) {
    let profile;
    try {
      profile = JSON.stringify(
        timestampTokenProfile(Buffer.from(String(obj(t)?.signedTimestamp), "base64"))
      );
    } catch {
      profile = "unreadable";
    }
    shape.push(`rfc3161 ${profile}`);
  }
  return shape;
}
function evidenceShapeProblem(bundle, reference) {
  const a = evidenceShape(reference);
  const b = evidenceShape(bundle);
  if (a.length === b.length && a.every((x, i) => x === b[i])) return void 0;
  const describe = (s) => s.length === 0 ? "no log entry or timestamp" : s.join("; ");
  return mismatch(
    "verificationMaterial (log entries and timestamps, as statement.sigstore.json has them)",
    describe(a),
    describe(b)
  );
}

// src/verify/signature-checks.ts
var failed = (signature, json) => ({
  signature,
  ...json !== void 0 ? { json } : {}
});
function checkSignedBundle(bytes, name, subjectDigest, ctx, reference) {
  if (bytes === void 0) return failed(fail("file-missing", { subject: name }));
  let json;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return failed(fail("bundle-not-json", { subject: name }));
  }
  let canonical;
  try {
    canonical = `${JSON.stringify((0, import_bundle.bundleToJSON)((0, import_bundle.bundleFromJSON)(json)))}
`;
  } catch (e) {
    return failed(fail("bundle-malformed", { subject: name, note: oneLine(e) }), json);
  }
  if (!Buffer.from(canonical).equals(bytes))
    return failed(fail("bundle-not-canonical", { subject: name }), json);
  const env = json.dsseEnvelope;
  if (typeof env?.payload !== "string") return failed(fail("not-dsse", { subject: name }), json);
  const unsigned = unsignedFieldProblem(json) ?? (reference === void 0 ? void 0 : evidenceShapeProblem(json, reference));
  if (unsigned !== void 0)
    return failed(fail("unsigned-field", { subject: name, mismatches: [unsigned] }), json);
  const r = verifyBundle({
    bundle: json,
    artifact: { digest: subjectDigest },
    trustMaterial: ctx.trust,
    policy: { kind: "identity", ...ctx.policy },
    ...ctx.profile ? { profile: ctx.profile } : {}
  });
  if (r.crypto?.verified !== true) {
    const root = rootIssued(json, ctx.trust.authorities);
    if (root?.issued === false)
      return failed(
        fail("untrusted-root", {
          subject: name,
          note: `its certificate was issued by ${root.leafIssuer}; the trusted root in use has ${ctx.trust.authorities.names.map((n) => `"${n}"`).join(", ") || "no certificate authority"}`
        }),
        json
      );
    return failed(
      fail("signature-invalid", {
        subject: name,
        code: r.crypto?.code ?? r.code ?? "VERIFY_FAILED",
        note: r.crypto?.error ?? r.error ?? "not verified"
      }),
      json
    );
  }
  const identity = r.policy?.ok === true ? pass(r.signer?.identity ?? "") : fail("signer-policy", {
    subject: name,
    mismatches: (r.policy?.findings ?? []).filter((f) => !f.ok).map((f) => mismatch(f.requirement, f.expected, f.actual))
  });
  return {
    signature: pass(
      `${name}: certificate chain, timestamps, transparency log and signature verified`
    ),
    identity,
    payload: Buffer.from(env.payload, "base64"),
    payloadType: typeof env.payloadType === "string" ? env.payloadType : void 0,
    ...r.signer ? { signer: r.signer } : {},
    json
  };
}

// src/verify/results-checks.ts
var ZERO_DIGEST = `sha256:${"0".repeat(64)}`;
var LAYER = Object.values(RESULTS_FILES);
function hasResultsLayer(files) {
  return LAYER.some((n) => files[n] !== void 0);
}
function readResultsLayer(files, sig, reference) {
  if (!hasResultsLayer(files)) return void 0;
  const outcome = checkSignedBundle(
    files[RESULTS_FILES.bundle],
    RESULTS_FILES.bundle,
    digestOf(files, RESULTS_FILES.results) ?? ZERO_DIGEST,
    sig,
    reference
  );
  const layer = { sig: outcome };
  if (outcome.payload !== void 0)
    try {
      layer.predicate = parseResultsStatement(outcome.payload);
    } catch (e) {
      layer.predicateError = oneLine(e);
    }
  return layer;
}
var absent = (ctx) => ctx.opts.requireResults ? fail("results-missing") : skip("no-results");
function resultsSignature(ctx) {
  const r = ctx.results;
  if (r === void 0) return absent(ctx);
  if (r.sig.signature.status !== "pass") return r.sig.signature;
  if (r.sig.identity?.status === "fail") return r.sig.identity;
  if (ctx.stmt.signature.status !== "pass") return notRun("statement-signature");
  try {
    const a = certificateSigner(ctx.stmt.json);
    const b = certificateSigner(r.sig.json);
    const differ = [
      a.identity !== b.identity && mismatch("results signer identity", a.identity, b.identity),
      a.issuer !== b.issuer && mismatch("results signer issuer", a.issuer, b.issuer)
    ].filter((m) => m !== false);
    if (differ.length > 0) return fail("signers-differ", { mismatches: differ });
    return pass(`${b.identity} signed the results statement, logged as the other two`);
  } catch (e) {
    return fail("certificate-unreadable", { note: oneLine(e) });
  }
}
function calibrationDate(bytes) {
  try {
    const v = JSON.parse(bytes.toString("utf8")).last_update_date;
    return typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}
function resultsContent(ctx, signature) {
  const r = ctx.results;
  if (r === void 0) return absent(ctx);
  if (signature.status !== "pass") return notRun("results-signature");
  const f = ctx.files;
  for (const name of LAYER)
    if (f[name] === void 0) return fail("file-missing", { subject: name });
  if (!f[RESULTS_FILES.statement].equals(r.sig.payload))
    return fail("results-statement-differs", { subject: RESULTS_FILES.statement });
  if (r.sig.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail("payload-type", { subject: RESULTS_FILES.bundle });
  const p = r.predicate;
  if (p === void 0)
    return fail("results-invalid", { subject: RESULTS_FILES.statement, note: r.predicateError });
  const b = ctx.signedBinding;
  if (ctx.bind.signature.status !== "pass" || b === void 0) return notRun("binding-signature");
  const bound = [
    mismatch("results job_id", b.runtime.job_id, p.job_id),
    mismatch("results binding", digestOf(f, "binding.json"), p.binding),
    mismatch("results workload_statement", digestOf(f, "statement.json"), p.workload_statement),
    mismatch("results backend", b.runtime.backend, p.backend)
  ].filter((m) => m.expected !== m.actual);
  if (bound.length > 0) return fail("results-mismatch", { mismatches: bound });
  const files = RESULTS_DATA_FILES.map((n) => mismatch(n, p.files[n], digestOf(f, n) ?? null)).filter(
    (m) => m.expected !== m.actual
  );
  if (files.length > 0) return fail("results-digest-mismatch", { mismatches: files });
  const snapshot = calibrationDate(f[RESULTS_FILES.backendProperties]);
  if (snapshot !== p.calibration.last_update_date)
    return fail("results-mismatch", {
      mismatches: [
        mismatch("calibration last_update_date", p.calibration.last_update_date, snapshot)
      ]
    });
  if (p.status !== "Completed")
    return fail("results-not-completed", {
      mismatches: [mismatch("status", "Completed", p.status)]
    });
  return pass(
    `job ${p.job_id} Completed on ${p.backend}; results, metrics and the calibration of ${p.calibration.last_update_date} are the bytes signed at ${p.fetched_at}`
  );
}

// src/verify/verdict.ts
var CHECK_RULES = {
  "statement-signature": { optionalWhen: [] },
  "binding-signature": { optionalWhen: [] },
  "signer-identity": { optionalWhen: [] },
  "statement-content": { optionalWhen: [] },
  "receipt-integrity": { optionalWhen: [] },
  "commit-consistency": { optionalWhen: [] },
  "transparency-entry": { optionalWhen: [] },
  "binding-consistency": { optionalWhen: [] },
  "runtime-record": { optionalWhen: [] },
  "workload-files": { optionalWhen: ["no-workload"] },
  "workload-closure": { optionalWhen: ["no-workload"] },
  "ai-policy": { optionalWhen: [] },
  "results-signature": { optionalWhen: ["no-results"] },
  "results-content": { optionalWhen: ["no-results"] },
  "online-runtime": { optionalWhen: ["offline"] },
  "results-online": { optionalWhen: ["offline", "no-results"] }
};
var CHECK_NAMES = Object.keys(CHECK_RULES);

// src/verify/closure-check.ts
var FINDING_OF = {
  "spec-not-in-package": "spec-not-in-workload",
  "spec-digest-differs": "spec-digest-differs",
  "circuit-outside-package": "circuit-outside-package",
  "circuit-not-in-package": "circuit-not-in-manifest",
  "circuit-digest-differs": "circuit-digest-differs"
};
function factsOf(f, count) {
  const more = count > 1 ? `; ${count - 1} more` : "";
  switch (f.kind) {
    case "spec-not-in-package":
      return { subject: f.spec };
    case "spec-digest-differs":
      return { subject: f.spec, mismatches: [mismatch("sha256", f.signed, f.used)] };
    case "circuit-outside-package":
      return { subject: `${f.spec} PUB ${f.pub}`, note: `${JSON.stringify(f.circuit)}${more}` };
    case "circuit-not-in-package":
      return { subject: `${f.spec} PUB ${f.pub}`, note: `${f.path}${more}` };
    case "circuit-digest-differs":
      return {
        subject: `${f.spec} PUB ${f.pub}`,
        mismatches: [mismatch(`${f.path} sha256`, f.signed, f.used)]
      };
  }
}
function specsToCheck(signed2, workload) {
  const byPath = new Map(workload.map((s) => [s.path, s]));
  const out = [];
  for (const f of signed2) {
    if (!isJobSpecPath(f.path)) continue;
    const s = byPath.get(f.path);
    if (s === void 0) return f.path;
    out.push(s);
  }
  return out;
}
function workloadClosure(ctx) {
  if (ctx.stmt.signature.status !== "pass") return notRun("statement-signature");
  if (ctx.manifest === void 0) return notRun("statement-content");
  const signed2 = ctx.manifest.files;
  const bare = specsWithoutCircuits(signed2.map((f) => f.path));
  if (bare.length > 0) return fail("spec-without-circuits", { subject: bare[0] });
  const specPaths = signed2.filter((f) => isJobSpecPath(f.path));
  if (specPaths.length === 0) return pass("the signed package holds no job spec");
  const given = ctx.opts.workloadSpecs;
  if (given === void 0 || ctx.opts.workloadManifest === void 0) return skip("no-workload");
  const specs = specsToCheck(signed2, given);
  if (typeof specs === "string") return fail("spec-not-in-workload", { subject: specs });
  const rehashed = parseManifest(Buffer.from(ctx.opts.workloadManifest)).files;
  const findings = closureFindings({
    files: signed2,
    specs,
    used: new Map(rehashed.map((f) => [f.path, f.sha256]))
  });
  const first = findings[0];
  if (first !== void 0) return fail(FINDING_OF[first.kind], factsOf(first, findings.length));
  const pubs = specs.reduce((n, s) => n + (pubCircuits(s.bytes)?.length ?? 0), 0);
  return pass(
    `the ${pubs} circuit(s) named by ${specs.length} signed job spec(s) are signed files of the package`
  );
}

// src/verify/workload-check.ts
function fileChanges(signed2, found) {
  const was = new Map(signed2.map((f) => [f.path, f]));
  const now = new Map(found.map((f) => [f.path, f]));
  const changes = [];
  for (const [path, f] of was) {
    const g = now.get(path);
    if (g === void 0) changes.push({ path, change: "removed" });
    else if (g.sha256 !== f.sha256 || g.size !== f.size) changes.push({ path, change: "changed" });
  }
  for (const path of now.keys()) if (!was.has(path)) changes.push({ path, change: "added" });
  return changes.sort((a, b) => a.path < b.path ? -1 : 1);
}
function workloadFiles(ctx) {
  const rehashed = ctx.opts.workloadManifest;
  if (rehashed === void 0) return skip("no-workload");
  const file = ctx.files[PROOF_FILES.manifest];
  if (file === void 0) return fail("file-missing", { subject: PROOF_FILES.manifest });
  if (Buffer.from(rehashed).equals(file))
    return pass(`the workload re-hashes to ${sha256Digest(file)}`);
  const changes = ctx.manifest === void 0 ? [] : fileChanges(ctx.manifest.files, parseManifest(Buffer.from(rehashed)).files);
  return fail("workload-mismatch", {
    changes,
    note: `the workload hashes to ${sha256Digest(rehashed)}, the manifest is ${sha256Digest(file)}`
  });
}

// src/verify/verify-bundle-files.ts
var ZERO_DIGEST2 = `sha256:${"0".repeat(64)}`;
function signerIdentity(ctx) {
  for (const o of [ctx.stmt.identity, ctx.bind.identity]) if (o?.status === "fail") return o;
  if (ctx.stmt.identity?.status !== "pass") return notRun("statement-signature");
  if (ctx.bind.identity?.status !== "pass") return notRun("binding-signature");
  try {
    const a = certificateSigner(ctx.stmt.json);
    const b = certificateSigner(ctx.bind.json);
    const differ = [
      a.identity !== b.identity && mismatch("binding signer identity", a.identity, b.identity),
      a.issuer !== b.issuer && mismatch("binding signer issuer", a.issuer, b.issuer)
    ].filter((m) => m !== false);
    if (differ.length > 0) return fail("signers-differ", { mismatches: differ });
    return pass(`${a.identity} (${a.issuer}) signed both statements`);
  } catch (e) {
    return fail("certificate-unreadable", { note: oneLine(e) });
  }
}
function allowed(check) {
  if (check.status === "pass") return true;
  if (check.status !== "skip") return false;
  const rule = CHECK_RULES[check.name].optionalWhen;
  return rule.includes(check.reason);
}
function decide(verdict) {
  const c = verdict.checks;
  verdict.ok = c.length === CHECK_NAMES.length && CHECK_NAMES.every((name, i) => c[i].name === name && allowed(c[i]));
  return verdict;
}
function factsOf2(ctx) {
  const facts = {};
  const b = ctx.signedBinding;
  if (ctx.bind.signature.status === "pass" && b !== void 0) {
    facts.jobId = b.runtime.job_id;
    if (b.runtime.session_id) facts.sessionId = b.runtime.session_id;
    if (b.runtime.backend) facts.backend = b.runtime.backend;
    if (b.runtime.program) facts.program = b.runtime.program;
    facts.receiptId = b.provenance.receipt.receipt_id;
    facts.commit = b.provenance.receipt.commit;
    facts.packageDigest = b.provenance.workload_package;
    facts.bindingDigest = digestOf(ctx.files, PROOF_FILES.binding);
    const t = b.provenance.transparency_entry;
    facts.rekor = !t ? null : "uuid" in t ? { logIndex: String(t.log_index), uuid: t.uuid } : { logIndex: String(t.log_index), logId: t.log_id, baseUrl: t.base_url };
    facts.bindingRekor = bindingEntry(ctx.bind.json);
  }
  if (ctx.stmt.payload) facts.statementDigest = sha256Digest(ctx.stmt.payload);
  if (ctx.stmt.signer?.identity) facts.signerIdentity = ctx.stmt.signer.identity;
  if (ctx.stmt.signer?.issuer) facts.signerIssuer = ctx.stmt.signer.issuer;
  return facts;
}
function bindingEntry(bundle) {
  try {
    const e = rekorEntryOf(bundle);
    if (e === void 0) return null;
    return e.apiVersion === 1 ? { logIndex: e.logIndex, uuid: e.uuid } : { logIndex: e.logIndex, logId: e.logId };
  } catch {
    return void 0;
  }
}
function failedVerdict(bundle, finding, facts = {}) {
  const outcome = fail(finding, facts);
  return {
    ok: false,
    bundle,
    jobId: null,
    checks: CHECK_NAMES.map((name) => ({ name, ...outcome })),
    facts: {}
  };
}
function runChecks(ctx, trust) {
  const resultsSig = resultsSignature(ctx);
  return {
    "statement-signature": ctx.stmt.signature,
    "binding-signature": ctx.bind.signature,
    "signer-identity": signerIdentity(ctx),
    "statement-content": statementContent(ctx),
    "receipt-integrity": receiptIntegrity(ctx),
    "commit-consistency": commitConsistency(ctx),
    "transparency-entry": transparencyEntry(ctx, trust),
    "binding-consistency": bindingConsistency(ctx),
    "runtime-record": runtimeRecord(ctx),
    "workload-files": workloadFiles(ctx),
    "workload-closure": workloadClosure(ctx),
    "ai-policy": aiPolicyCheck(ctx, ctx.opts.aiPolicy),
    "results-signature": resultsSig,
    "results-content": resultsContent(ctx, resultsSig),
    // Filled in by verifyProofBundles when --online is given.
    "online-runtime": skip("offline"),
    "results-online": ctx.results === void 0 ? ctx.opts.requireResults ? fail("results-missing") : skip("no-results") : skip("offline")
  };
}
function verifyBundleFiles(loaded, opts, trust) {
  const verdict = {
    ok: false,
    bundle: loaded.path,
    jobId: null,
    checks: [],
    facts: {}
  };
  if (loaded.error !== void 0)
    return failedVerdict(loaded.path, "bundle-unreadable", { note: loaded.error });
  try {
    const files = loaded.files;
    const sig = { trust, policy: opts.policy, ...opts.profile ? { profile: opts.profile } : {} };
    const stmt = checkSignedBundle(
      files[PROOF_FILES.statementBundle],
      PROOF_FILES.statementBundle,
      digestOf(files, PROOF_FILES.manifest) ?? ZERO_DIGEST2,
      sig
    );
    const ctx = completeContext({
      files,
      ...loaded.declaredJobId ? { declaredJobId: loaded.declaredJobId } : {},
      ...loaded.namedJobId ? { namedJobId: loaded.namedJobId } : {},
      opts,
      stmt,
      // binding.sigstore.json is covered by no digest; its evidence must have the shape of the
      // statement bundle's, whose bytes binding.json lists (binding-consistency checks them).
      bind: checkSignedBundle(
        files[PROOF_FILES.bindingBundle],
        PROOF_FILES.bindingBundle,
        digestOf(files, PROOF_FILES.statement) ?? ZERO_DIGEST2,
        sig,
        stmt.signature.status === "pass" ? stmt.json : void 0
      )
    });
    if (stmt.signature.status === "pass") ctx.results = readResultsLayer(files, sig, stmt.json);
    else if (hasResultsLayer(files))
      ctx.results = { sig: { signature: notRun("statement-signature") } };
    const results = runChecks(ctx, trust.material);
    verdict.checks = CHECK_NAMES.map((name) => ({ name, ...results[name] }));
    verdict.facts = factsOf2(ctx);
    const rp = ctx.results?.predicate;
    if (results["results-content"].status === "pass" && rp !== void 0)
      verdict.facts.results = {
        digest: rp.files["results.json"],
        fetchedAt: rp.fetched_at,
        calibration: rp.calibration.last_update_date
      };
    verdict.jobId = verdict.facts.jobId ?? null;
  } catch (e) {
    const outcome = fail("verification-error", { note: oneLine(e) });
    verdict.checks = CHECK_NAMES.map((name) => ({ name, ...outcome }));
  }
  return decide(verdict);
}

// src/verify/verify-path.ts
async function verifyPath(path, opts, trust) {
  try {
    return verifyBundleFiles(await loadProofBundle(path), opts, trust);
  } catch (e) {
    return verifyBundleFiles({ path, form: "directory", files: {}, error: oneLine(e) }, opts, trust);
  }
}

export {
  pass,
  fail,
  notRun,
  mismatch,
  CHECK_RULES,
  decide,
  failedVerdict,
  verifyBundleFiles,
  verifyPath
};
