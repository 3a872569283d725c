import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  IN_TOTO_PAYLOAD_TYPE,
  parseStatement,
  require_dist,
  statementDigest
} from "./chunk-WERL3RUE.js";
import {
  parseTrustedRoots,
  publicGoodTrustedRoot,
  require_dist as require_dist3,
  trustMaterialFrom
} from "./chunk-VADMPDA4.js";
import {
  PUBLIC_GOOD_PROFILE,
  checkPolicyShape,
  checkProfile,
  evaluatePolicy,
  githubClaims,
  policyFindingText
} from "./chunk-YQTSYPUS.js";
import {
  require_dist as require_dist2
} from "./chunk-XJJHODDG.js";
import {
  jsonSyntaxProblem
} from "./chunk-SW4PFA3Z.js";
import {
  QprovError,
  isQprovError,
  isSigstoreVerifyCode,
  oneLine
} from "./chunk-U5PWNO2I.js";
import {
  __toESM
} from "./chunk-TR6SGTEF.js";

// src/sigstore/verify-bundle.ts
import { createHash, createPublicKey } from "node:crypto";

// src/sigstore/root-issuer.ts
import { X509Certificate } from "node:crypto";
function certsOf(list) {
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => typeof c?.rawBytes === "string" ? [c.rawBytes] : []);
}
function parse(base64) {
  try {
    return new X509Certificate(Buffer.from(base64, "base64"));
  } catch {
    return void 0;
  }
}
var oneLineName = (dn) => dn.split("\n").filter(Boolean).join(", ");
function rootAuthorities(roots) {
  const certs = [];
  for (const root of roots) {
    const cas = root?.certificateAuthorities;
    if (!Array.isArray(cas)) continue;
    for (const ca of cas) {
      const chain = ca?.certChain?.certificates;
      for (const b of certsOf(chain)) {
        const c = parse(b);
        if (c) certs.push(c);
      }
    }
  }
  const names = [...new Set(certs.filter((c) => c.ca).map((c) => oneLineName(c.subject)))];
  return { names, certs };
}
function leafOf(bundle) {
  const vm = bundle?.verificationMaterial;
  const single = vm?.certificate?.rawBytes;
  if (typeof single === "string") return parse(single);
  const [first] = certsOf(vm?.x509CertificateChain?.certificates);
  return first === void 0 ? void 0 : parse(first);
}
function rootIssued(bundle, authorities) {
  const leaf = leafOf(bundle);
  if (leaf === void 0) return void 0;
  const issued = authorities.certs.some((ca) => {
    try {
      return leaf.checkIssued(ca) && leaf.verify(ca.publicKey);
    } catch {
      return false;
    }
  });
  return { issued, leafIssuer: oneLineName(leaf.issuer) };
}

// src/sigstore/verify-bundle.ts
var import_bundle = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist3(), 1);

// src/sigstore/prehashed.ts
import { constants, createECDH, publicDecrypt } from "node:crypto";
function verifyPrehashedSha256(key, digest, signature) {
  try {
    if (digest.length !== 32) return false;
    if (key.asymmetricKeyType === "ec") return verifyEcdsa(key, digest, signature);
    if (key.asymmetricKeyType === "rsa") return verifyRsaPkcs1(key, digest, signature);
    return false;
  } catch {
    return false;
  }
}
var SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");
function verifyRsaPkcs1(key, digest, signature) {
  const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
  return recovered.equals(Buffer.concat([SHA256_DIGEST_INFO, digest]));
}
var CURVES = {
  "P-256": {
    p: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
    n: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
    openssl: "prime256v1"
  },
  "P-384": {
    p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
    n: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
    b: "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
    openssl: "secp384r1"
  }
};
var curveCache = /* @__PURE__ */ new Map();
function curve(name) {
  const spec = CURVES[name];
  if (spec === void 0) return void 0;
  let c = curveCache.get(name);
  if (c === void 0) {
    const ecdh = createECDH(spec.openssl);
    const size = spec.p.length / 2;
    const one = Buffer.alloc(size);
    one[size - 1] = 1;
    ecdh.setPrivateKey(one);
    const g = ecdh.getPublicKey();
    c = {
      p: BigInt(`0x${spec.p}`),
      n: BigInt(`0x${spec.n}`),
      b: BigInt(`0x${spec.b}`),
      g: [toBig(g.subarray(1, 1 + size)), toBig(g.subarray(1 + size))]
    };
    curveCache.set(name, c);
  }
  return c;
}
function toBig(b) {
  return b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString("hex")}`);
}
function mod(a, m) {
  const r = a % m;
  return r < 0n ? r + m : r;
}
function inverse(a, m) {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error("not invertible");
  return mod(s0, m);
}
var INFINITY = [0n, 1n, 0n];
function double([x, y, z], p) {
  if (z === 0n || y === 0n) return INFINITY;
  const y2 = mod(y * y, p);
  const s = mod(4n * x * y2, p);
  const z2 = mod(z * z, p);
  const m = mod(3n * (x - z2) * (x + z2), p);
  const x3 = mod(m * m - 2n * s, p);
  return [x3, mod(m * (s - x3) - 8n * y2 * y2, p), mod(2n * y * z, p)];
}
function add(a, b, p) {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const z1z1 = mod(a[2] * a[2], p);
  const z2z2 = mod(b[2] * b[2], p);
  const u1 = mod(a[0] * z2z2, p);
  const u2 = mod(b[0] * z1z1, p);
  const s1 = mod(a[1] * b[2] * z2z2, p);
  const s2 = mod(b[1] * a[2] * z1z1, p);
  if (u1 === u2) return s1 === s2 ? double(a, p) : INFINITY;
  const h = u2 - u1;
  const r = s2 - s1;
  const hh = mod(h * h, p);
  const hhh = mod(h * hh, p);
  const v = mod(u1 * hh, p);
  const x3 = mod(r * r - hhh - 2n * v, p);
  return [x3, mod(r * (v - x3) - s1 * hhh, p), mod(a[2] * b[2] * h, p)];
}
function twoMul(u1, g, u2, q, p) {
  const gq = add(g, q, p);
  let acc = INFINITY;
  const bits = Math.max(u1.toString(2).length, u2.toString(2).length);
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(acc, p);
    const b1 = u1 >> BigInt(i) & 1n;
    const b2 = u2 >> BigInt(i) & 1n;
    if (b1 && b2) acc = add(acc, gq, p);
    else if (b1) acc = add(acc, g, p);
    else if (b2) acc = add(acc, q, p);
  }
  return acc;
}
function verifyEcdsa(key, digest, signature) {
  const jwk = key.export({ format: "jwk" });
  const c = curve(String(jwk.crv));
  if (c === void 0 || jwk.x === void 0 || jwk.y === void 0) return false;
  const rs = parseDerSignature(signature);
  if (rs === void 0) return false;
  const [r, s] = rs;
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) return false;
  const qx = toBig(Buffer.from(jwk.x, "base64url"));
  const qy = toBig(Buffer.from(jwk.y, "base64url"));
  if (mod(qy * qy - (qx * qx * qx - 3n * qx + c.b), c.p) !== 0n) return false;
  const e = mod(toBig(digest), c.n);
  const w = inverse(s, c.n);
  const point = twoMul(mod(e * w, c.n), [c.g[0], c.g[1], 1n], mod(r * w, c.n), [qx, qy, 1n], c.p);
  if (point[2] === 0n) return false;
  const zInv = inverse(point[2], c.p);
  const x = mod(point[0] * zInv * zInv, c.p);
  return mod(x, c.n) === r;
}
function parseDerSignature(sig) {
  if (sig.length < 8 || sig[0] !== 48) return void 0;
  let off = 2;
  let seqLen = sig[1];
  if (seqLen === 129) {
    seqLen = sig[2];
    off = 3;
  } else if (seqLen & 128) return void 0;
  if (off + seqLen !== sig.length) return void 0;
  const ints = [];
  for (let k = 0; k < 2; k++) {
    if (sig[off] !== 2) return void 0;
    const len = sig[off + 1];
    if (len === 0 || len & 128 || off + 2 + len > sig.length) return void 0;
    const body = sig.subarray(off + 2, off + 2 + len);
    if (body[0] & 128) return void 0;
    if (len > 1 && body[0] === 0 && !(body[1] & 128)) return void 0;
    ints.push(toBig(body));
    off += 2 + len;
  }
  return off === sig.length ? [ints[0], ints[1]] : void 0;
}

// src/sigstore/der-encoding-cache.ts
var import_core = __toESM(require_dist2(), 1);
var CACHED = /* @__PURE__ */ Symbol.for("qprov.der-encoding-cache");
var encodings = /* @__PURE__ */ new WeakMap();
function cacheDerEncodings() {
  const proto = import_core.ASN1Obj.prototype;
  if (proto[CACHED]) return;
  const encode = proto.toDER;
  proto.toDER = function() {
    let der = encodings.get(this);
    if (der === void 0) encodings.set(this, der = encode.call(this));
    return Buffer.from(der);
  };
  proto[CACHED] = true;
}

// src/sigstore/verify-bundle.ts
cacheDerEncodings();
function prepareTrustMaterial(trustedRoot) {
  const roots = trustedRoot === void 0 ? [publicGoodTrustedRoot()] : parseTrustedRoots(Buffer.isBuffer(trustedRoot) ? trustedRoot.toString("utf8") : trustedRoot);
  return {
    material: trustMaterialFrom(roots),
    roots: roots.length,
    authorities: rootAuthorities(roots)
  };
}
function verifyBundle(input) {
  const result = { verified: false, checks: [] };
  const pass = (name, detail) => {
    result.checks.push({ name, status: "pass", detail });
  };
  try {
    run(input, result, pass);
    result.verified = result.checks.some((c) => c.status === "pass") && result.checks.every((c) => c.status !== "fail");
    if (!result.verified) throw new QprovError("VERIFY_FAILED", "a verification check failed");
  } catch (e) {
    result.verified = false;
    delete result.statement;
    delete result.statementDigest;
    result.code = failureCode(e);
    result.error = oneLine(e);
    const last = result.checks[result.checks.length - 1];
    if (last?.status !== "fail")
      result.checks.push({ name: "verification", status: "fail", detail: result.error });
  }
  return result;
}
function failureCode(e) {
  if (isQprovError(e)) return e.code;
  const code = e?.code;
  return isSigstoreVerifyCode(code) ? code : "VERIFY_FAILED";
}
function run(input, result, pass) {
  const policy = input.policy;
  if (policy.kind === "identity") checkPolicyShape(policy);
  const key = policy.kind === "key" ? parsePublicKey(policy.publicKeyPem) : void 0;
  if (input.trustMaterial !== void 0 && key === void 0) {
    runWith(input, result, pass, input.trustMaterial.material, input.trustMaterial.roots);
    return;
  }
  const roots = input.trustedRoot === void 0 ? [publicGoodTrustedRoot()] : parseTrustedRoots(
    Buffer.isBuffer(input.trustedRoot) ? input.trustedRoot.toString("utf8") : input.trustedRoot
  );
  const material = trustMaterialFrom(
    roots,
    key === void 0 ? void 0 : () => ({ publicKey: key, validFor: () => true })
  );
  runWith(input, result, pass, material, roots.length);
}
function runWith(input, result, pass, material, rootCount) {
  const policy = input.policy;
  pass("trusted-root", `${rootCount} root(s) validated`);
  const bundle = parseBundle(input.bundle);
  const content = bundle.content.$case;
  result.content = content === "dsseEnvelope" ? "dsse" : "messageSignature";
  const keyMaterial = bundle.verificationMaterial.content.$case;
  if (policy.kind === "key" && keyMaterial !== "publicKey")
    throw new QprovError("BUNDLE_INVALID", `key mode needs a public-key bundle, got ${keyMaterial}`);
  if (policy.kind === "identity" && keyMaterial === "publicKey")
    throw new QprovError(
      "BUNDLE_INVALID",
      "bundle is signed with a managed key; verify it with --key"
    );
  pass("bundle-format", `${bundle.mediaType} ${content}`);
  result.tlog = bundle.verificationMaterial.tlogEntries.map((t) => ({
    logIndex: t.logIndex,
    integratedTime: t.integratedTime,
    kind: `${t.kindVersion?.kind}/${t.kindVersion?.version}`
  }));
  const entity = signedEntity(bundle, input.artifact, pass);
  const verifier = new import_verify.Verifier(material, {
    ...checkProfile(input.profile ?? PUBLIC_GOOD_PROFILE),
    ...input.thresholds
  });
  let signer;
  try {
    signer = verifier.verify(entity);
  } catch (e) {
    result.crypto = { verified: false, code: failureCode(e), error: oneLine(e) };
    throw e;
  }
  result.crypto = { verified: true };
  if (policy.kind === "identity") {
    pass("sigstore", "certificate chain, timestamps, transparency log and signature verified");
    result.signer = {
      identity: signer.identity?.subjectAlternativeName,
      issuer: signer.identity?.extensions?.issuer,
      claims: githubClaims(signer.identity?.oids)
    };
    const findings = evaluatePolicy(policy, signer);
    result.policy = { ok: findings.length > 0 && findings.every((f) => f.ok), findings };
    for (const f of findings)
      result.checks.push({
        name: f.requirement,
        status: f.ok ? "pass" : "fail",
        detail: policyFindingText(f)
      });
    if (!result.policy.ok)
      throw new import_verify.PolicyError({
        code: "UNTRUSTED_SIGNER_ERROR",
        message: `the signer does not satisfy the policy: ${findings.filter((f) => !f.ok).map(policyFindingText).join("; ")}`
      });
  } else pass("sigstore", "timestamps, transparency log and signature verified with the given key");
  if (content === "dsseEnvelope") checkStatement(bundle, input, result, pass);
}
function parsePublicKey(pem) {
  try {
    return createPublicKey(pem);
  } catch (e) {
    throw new QprovError("POLICY_INVALID", `cannot read the public key: ${oneLine(e)}`);
  }
}
function parseBundle(raw) {
  let json = raw;
  if (Buffer.isBuffer(raw) || typeof raw === "string") {
    const text = Buffer.isBuffer(raw) ? raw.toString("utf8") : raw;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new QprovError("BUNDLE_INVALID", `the bundle ${jsonSyntaxProblem(text, e)}`);
    }
  }
  try {
    return (0, import_bundle.bundleFromJSON)(json);
  } catch (e) {
    throw new QprovError("BUNDLE_INVALID", `bundle is malformed: ${oneLine(e)}`);
  }
}
function parseDigest(d) {
  const m = /^sha256:([0-9a-fA-F]{64})$/.exec(d);
  if (m === null)
    throw new QprovError("INPUT_INVALID", `artifact digest must be sha256:<64 hex>, got ${d}`);
  return Buffer.from(m[1], "hex");
}
function artifactDigest(a) {
  return "bytes" in a ? createHash("sha256").update(a.bytes).digest() : parseDigest(a.digest);
}
function signedEntity(bundle, artifact, pass) {
  if (bundle.content.$case === "dsseEnvelope") {
    if (artifact === void 0) throw noSubjectToMatch();
    return (0, import_verify.toSignedEntity)(bundle);
  }
  const ms = bundle.content.messageSignature;
  if (artifact === void 0)
    throw new QprovError("INPUT_INVALID", "a messageSignature bundle needs the artifact");
  if (ms.messageDigest === void 0 || ms.messageDigest.algorithm !== 1)
    throw new QprovError("BUNDLE_INVALID", "messageSignature must carry a sha256 message digest");
  const digest = artifactDigest(artifact);
  if (!digest.equals(Buffer.from(ms.messageDigest.digest)))
    throw new QprovError(
      "ARTIFACT_MISMATCH",
      "the artifact digest differs from the bundle message digest"
    );
  pass("artifact", `sha256:${digest.toString("hex")} equals the signed message digest`);
  if ("bytes" in artifact) return (0, import_verify.toSignedEntity)(bundle, artifact.bytes);
  const entity = (0, import_verify.toSignedEntity)(bundle, Buffer.alloc(0));
  const base = entity.signature;
  return {
    ...entity,
    signature: {
      signature: base.signature,
      compareSignature: (s) => base.compareSignature(s),
      compareDigest: (d) => base.compareDigest(d),
      compareSignedDigest: (d) => base.compareSignedDigest(d),
      verifySignature: (k) => verifyPrehashedSha256(k, digest, Buffer.from(base.signature))
    }
  };
}
function noSubjectToMatch() {
  return new QprovError(
    "INPUT_INVALID",
    "a DSSE bundle needs the artifact or its digest to match a statement subject"
  );
}
function checkStatement(bundle, input, result, pass) {
  if (bundle.content.$case !== "dsseEnvelope") return;
  const env = bundle.content.dsseEnvelope;
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw new QprovError(
      "STATEMENT_INVALID",
      `payloadType is ${JSON.stringify(env.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`
    );
  const payload = Buffer.from(env.payload);
  const statement = parseStatement(payload);
  result.statement = statement;
  result.statementDigest = statementDigest(payload);
  pass("statement", `in-toto Statement v1, ${statement.subject.length} subject(s)`);
  if (input.expectedPredicateType !== void 0) {
    if (statement.predicateType !== input.expectedPredicateType)
      throw new QprovError(
        "STATEMENT_INVALID",
        `predicateType is ${statement.predicateType}, expected ${input.expectedPredicateType}`
      );
    pass("predicate-type", statement.predicateType);
  }
  if (input.artifact === void 0) throw noSubjectToMatch();
  const hex = artifactDigest(input.artifact).toString("hex");
  const hit = statement.subject.find((s) => s.digest.sha256 === hex);
  if (hit === void 0)
    throw new QprovError("SUBJECT_MISMATCH", `no statement subject has sha256 ${hex}`);
  pass("subject", `${hit.name} has sha256:${hex}`);
}

export {
  rootIssued,
  prepareTrustMaterial,
  verifyBundle
};
