import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  looksLikeSecretName
} from "./chunk-HHHPTG3X.js";

// src/binding/retag-command.ts
function shellQuote(s) {
  return /^[A-Za-z0-9_/.:=@,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function retagCommand(jobId, attestationDir, flags, instanceCRN) {
  const args = ["qprov", "tag", "--job", jobId, "--attestation", attestationDir];
  args.push("--instance", instanceCRN);
  if (flags.sandbox) args.push("--sandbox", flags.sandbox);
  if (flags.runtimeURL) args.push("--runtime-url", flags.runtimeURL);
  if (flags.iamURL) args.push("--iam-url", flags.iamURL);
  if (flags.apiKeyEnv)
    args.push(
      "--api-key-env",
      looksLikeSecretName(flags.apiKeyEnv) ? "YOUR_KEY_VARIABLE" : flags.apiKeyEnv
    );
  for (const [flag, value] of [
    ["--sigstore", flags.sigstore],
    ["--fulcio-url", flags.fulcioURL],
    ["--rekor-url", flags.rekorURL],
    ["--tsa-url", flags.tsaURL],
    ["--rekor-version", flags.rekorVersion],
    ["--signing-config", flags.signingConfig],
    ["--trusted-root", flags.trustedRoot],
    ["--identity-token-env", flags.identityTokenEnv]
  ])
    if (value) args.push(flag, value);
  args.push("--out", attestationDir);
  return args.map(shellQuote).join(" ");
}

export {
  retagCommand
};
