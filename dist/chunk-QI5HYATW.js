import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  require_dist
} from "./chunk-XJJHODDG.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";
import {
  __toESM
} from "./chunk-TR6SGTEF.js";

// src/sigstore/certificate-signer.ts
var import_core = __toESM(require_dist(), 1);
var OID_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
var OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
function certificateSigner(bundle) {
  const vm = bundle?.verificationMaterial;
  const leaf = vm?.certificate?.rawBytes ?? vm?.x509CertificateChain?.certificates?.[0]?.rawBytes;
  if (typeof leaf !== "string")
    throw new QprovError("BUNDLE_INVALID", "the statement bundle carries no signing certificate");
  let cert;
  try {
    cert = import_core.X509Certificate.parse(Buffer.from(leaf, "base64"));
  } catch (e) {
    throw new QprovError("BUNDLE_INVALID", "the signing certificate cannot be parsed", { cause: e });
  }
  const identity = cert.subjectAltName;
  const v2 = cert.extension(OID_ISSUER_V2);
  const issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString("utf8") : cert.extension(OID_ISSUER_V1)?.value.toString("utf8");
  if (!identity || !issuer)
    throw new QprovError("BUNDLE_INVALID", "the signing certificate lacks a SAN or an issuer");
  return { identity, issuer };
}

export {
  certificateSigner
};
