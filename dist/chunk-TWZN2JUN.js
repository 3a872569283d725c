import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/proof/tags.ts
var MAX_TAGS = 8;
var MAX_TAG_LENGTH = 86;
var TAG_VERSION = "qprov:v1";
var STMT = "qprov-stmt:";
var PKG = "qprov-pkg:";
var REKOR_IDX = "qprov-rekor-idx:";
var REKOR_UUID = "qprov-rekor-uuid:";
var REKOR_LOG = "qprov-rekor-log:";
var DIGEST = /^sha256:[0-9a-f]{64}$/;
var LOG_INDEX = /^(0|[1-9][0-9]{0,18})$/;
var UUID = /^[0-9a-f]{64}([0-9a-f]{16})?$/;
var LOG_ID = /^[0-9a-f]{64}$/;
function invalid(message) {
  return new QprovError("TAGS_INVALID", message);
}
function isQprovTag(tag) {
  return tag.startsWith("qprov:") || tag.startsWith("qprov-");
}
function formatProvenanceTags(refs) {
  if (!DIGEST.test(refs.statementDigest))
    throw invalid(`statement digest "${refs.statementDigest}" is not sha256:<64 lowercase hex>`);
  const tags = [TAG_VERSION, `${STMT}${refs.statementDigest}`];
  if (refs.packageDigest !== void 0) {
    if (!DIGEST.test(refs.packageDigest))
      throw invalid(`package digest "${refs.packageDigest}" is not sha256:<64 lowercase hex>`);
    tags.push(`${PKG}${refs.packageDigest}`);
  }
  if (refs.rekorLogIndex !== void 0) {
    if (!LOG_INDEX.test(refs.rekorLogIndex))
      throw invalid(`Rekor log index "${refs.rekorLogIndex}" is not a non-negative integer`);
    tags.push(`${REKOR_IDX}${refs.rekorLogIndex}`);
  }
  if (refs.rekorUuid !== void 0) {
    const uuid = refs.rekorUuid.toLowerCase();
    if (!UUID.test(uuid)) throw invalid(`Rekor UUID "${refs.rekorUuid}" is not 64 or 80 hex`);
    const tag = `${REKOR_UUID}${uuid}`;
    if (tag.length <= MAX_TAG_LENGTH) tags.push(tag);
  }
  if (refs.rekorLogId !== void 0) {
    if (refs.rekorLogIndex === void 0 || refs.rekorUuid !== void 0)
      throw invalid("a Rekor log ID goes with a log index and without a UUID (Rekor v2)");
    if (!LOG_ID.test(refs.rekorLogId))
      throw invalid(`Rekor log ID "${refs.rekorLogId}" is not 64 lowercase hex`);
    tags.push(`${REKOR_LOG}${refs.rekorLogId}`);
  }
  return tags;
}
function tagLimitProblems(tags) {
  const problems = [];
  if (tags.length > MAX_TAGS)
    problems.push(`${tags.length} tags, but a Runtime job can carry at most ${MAX_TAGS}`);
  for (const t of tags) {
    if (t.length > MAX_TAG_LENGTH)
      problems.push(`tag "${t}" is ${t.length} characters (at most ${MAX_TAG_LENGTH})`);
    if (t === "" || /[\r\n]/.test(t))
      problems.push(`tag ${JSON.stringify(t)} is empty or multi-line`);
  }
  return problems;
}
function parseTags(tags, opts = {}) {
  const seen = /* @__PURE__ */ new Set();
  const userTags = [];
  const found = {};
  const take = (key, value, tag) => {
    if (found[key] !== void 0)
      throw invalid(`conflicting qprov tags: "${tag}" and an earlier ${key} tag`);
    found[key] = value;
  };
  for (const tag of tags) {
    if (seen.has(tag)) throw invalid(`duplicate tag "${tag}"`);
    seen.add(tag);
    if (!isQprovTag(tag)) {
      userTags.push(tag);
      continue;
    }
    if (tag.startsWith("qprov:")) {
      if (tag !== TAG_VERSION) throw invalid(`unsupported qprov tag version "${tag}"`);
      take("version", tag, tag);
    } else if (tag.startsWith(STMT)) take("stmt", tag.slice(STMT.length), tag);
    else if (tag.startsWith(PKG)) take("pkg", tag.slice(PKG.length), tag);
    else if (tag.startsWith(REKOR_IDX)) take("idx", tag.slice(REKOR_IDX.length), tag);
    else if (tag.startsWith(REKOR_UUID)) take("uuid", tag.slice(REKOR_UUID.length), tag);
    else if (tag.startsWith(REKOR_LOG)) take("log", tag.slice(REKOR_LOG.length), tag);
    else throw invalid(`unknown qprov tag "${tag}"`);
  }
  if (Object.keys(found).length === 0) return { userTags };
  if (opts.partial) {
    const probe = { statementDigest: found.stmt ?? `sha256:${"0".repeat(64)}` };
    if (found.pkg !== void 0) probe.packageDigest = found.pkg;
    if (found.idx !== void 0 || found.uuid !== void 0 || found.log !== void 0)
      probe.rekorLogIndex = found.idx ?? "0";
    if (found.uuid !== void 0) probe.rekorUuid = found.uuid;
    if (found.log !== void 0) probe.rekorLogId = found.log;
    const canonical2 = formatProvenanceTags(probe);
    for (const t of tags)
      if (isQprovTag(t) && !canonical2.includes(t)) throw invalid(`bad tag "${t}"`);
    if (found.stmt === void 0) return { userTags };
    return { refs: refsOf(found.stmt, found), userTags };
  }
  if (found.version === void 0) throw invalid(`qprov tags without the "${TAG_VERSION}" tag`);
  if (found.stmt === void 0) throw invalid(`qprov tags without a "${STMT}" tag`);
  if (found.uuid !== void 0 && found.idx === void 0)
    throw invalid("a Rekor UUID tag without a Rekor log index tag");
  if (found.log !== void 0 && found.idx === void 0)
    throw invalid("a Rekor log ID tag without a Rekor log index tag");
  const refs = refsOf(found.stmt, found);
  const canonical = formatProvenanceTags(refs);
  for (const t of tags) if (isQprovTag(t) && !canonical.includes(t)) throw invalid(`bad tag "${t}"`);
  return { refs, userTags };
}
function refsOf(statementDigest, found) {
  const refs = { statementDigest };
  if (found.pkg !== void 0) refs.packageDigest = found.pkg;
  if (found.idx !== void 0) refs.rekorLogIndex = found.idx;
  if (found.uuid !== void 0) refs.rekorUuid = found.uuid;
  if (found.log !== void 0) refs.rekorLogId = found.log;
  return refs;
}
function fitProvenanceTags(refs, userTagCount) {
  const tags = formatProvenanceTags(refs);
  if (userTagCount + tags.length <= MAX_TAGS) return tags;
  return tags.filter((t) => !t.startsWith(REKOR_UUID));
}
function requiredQprovTagCount(rekorVersion) {
  return rekorVersion === 2 ? 5 : rekorVersion === 1 ? 4 : 3;
}
function sameRefs(a, b) {
  return a.statementDigest === b.statementDigest && a.packageDigest === b.packageDigest && a.rekorLogIndex === b.rekorLogIndex && a.rekorUuid === b.rekorUuid && a.rekorLogId === b.rekorLogId;
}
function mergeProvenanceTags(existing, refs) {
  const current = parseTags(existing, { partial: true });
  const own = formatProvenanceTags(refs);
  const foreign = existing.filter((t) => isQprovTag(t) && !own.includes(t));
  if (foreign.length > 0) {
    const other = current.refs?.statementDigest;
    throw invalid(
      other && other !== refs.statementDigest ? `the job is already tagged with statement ${other}; refusing to re-bind it to ${refs.statementDigest}` : `the job is already tagged with conflicting qprov tags (${foreign.join(", ")}); refusing to re-bind it to ${refs.statementDigest}`
    );
  }
  const merged = [...current.userTags, ...fitProvenanceTags(refs, current.userTags.length)];
  assertTagLimits(merged, current.userTags.length);
  return merged;
}
function assertTagLimits(tags, userTagCount) {
  const problems = tagLimitProblems(tags);
  if (problems.length === 0) return;
  const users = userTagCount === void 0 ? "" : ` (${userTagCount} of them are user tags)`;
  throw invalid(`tag set rejected before sending: ${problems.join("; ")}${users}`);
}

export {
  MAX_TAGS,
  MAX_TAG_LENGTH,
  TAG_VERSION,
  isQprovTag,
  formatProvenanceTags,
  tagLimitProblems,
  parseTags,
  fitProvenanceTags,
  requiredQprovTagCount,
  sameRefs,
  mergeProvenanceTags,
  assertTagLimits
};
