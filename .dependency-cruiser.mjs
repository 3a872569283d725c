/**
 * The layers of src/, lowest first (docs/architecture.md draws them). A module may import its own
 * layer and the layers below it, never one above. `npm run lint` fails on any violation and on any
 * import cycle; test/structure/layers.test.ts proves that these rules can fail.
 */
const LAYERS = [
  // root leaf files: errors.ts, secrets.ts, atomic-file.ts, version.ts, …
  { name: 'root', path: '^src/[^/]+$' },
  { name: 'kernel', path: '^src/(receipt|workload)/' },
  // file formats: binding, statements, runtime-job record, tags, CRN (pure)
  { name: 'proof', path: '^src/proof/' },
  // trust material, identity policy and offline Sigstore bundle verification (pure)
  { name: 'sigstore', path: '^src/sigstore/' },
  // the verifier: formats + Sigstore + a read-only job reader, never the signing or Runtime client
  { name: 'verify', path: '^src/verify/' },
  { name: 'attest', path: '^src/attest/' },
  { name: 'runtime', path: '^src/runtime/' },
  { name: 'binding', path: '^src/binding/' },
  { name: 'github', path: '^src/github/' },
  // what the user chose (flags, inputs, a --sandbox directory) as explicit settings, for both edges
  { name: 'settings', path: '^src/settings/' },
  { name: 'edge', path: '^src/(action|cli)/' }
]
/** The local stand-ins: never share code with the client they test, beyond the root leaf files. */
const SANDBOX = '^src/sandbox/'
const KNOWN = [...LAYERS.map(l => l.path), SANDBOX].join('|')

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} sits below ${LAYERS.slice(i + 1)
    .map(l => l.name)
    .join(', ')} and imports none of them`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map(l => l.path) }
}))

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: move the shared types to a leaf module',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    ...layerRules,
    {
      name: 'runtime-is-the-ibm-edge',
      comment: 'runtime/ speaks to IBM only; what combines it with attestation lives in binding/',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: '^src/attest/' }
    },
    {
      name: 'kernel-folders-apart',
      comment: 'receipt/ and workload/ are independent kernels',
      severity: 'error',
      from: { path: '^src/(receipt|workload)/' },
      to: { path: '^src/(receipt|workload)/', pathNot: '^src/$1/' }
    },
    {
      name: 'edges-apart',
      comment: 'the action and the CLI are two front doors; neither imports the other',
      severity: 'error',
      from: { path: '^src/(action|cli)/' },
      to: { path: '^src/(action|cli)/', pathNot: '^src/$1/' }
    },
    {
      name: 'sandbox-shares-no-client-code',
      comment: 'a stand-in is a test oracle: it shares no code with the client it tests',
      severity: 'error',
      from: { path: SANDBOX },
      to: { path: '^src/', pathNot: [SANDBOX, '^src/[^/]+$'] }
    },
    {
      name: 'only-cli-starts-the-sandbox',
      comment:
        'product code never depends on the stand-ins; only `qprov sandbox|emulator` start them',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', SANDBOX] },
      to: { path: SANDBOX }
    },
    {
      name: 'every-folder-has-a-layer',
      comment: 'a new folder under src/ needs its place in LAYERS (.dependency-cruiser.mjs)',
      severity: 'error',
      from: { path: '^src/', pathNot: KNOWN },
      to: { path: '^src/' }
    },
    {
      name: 'no-tuf-at-run-time',
      comment:
        'trust material is pinned and signing configs are embedded: nothing may bring in a TUF ' +
        'client (the `sigstore` package loads one for attest()); sign with @sigstore/sign',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '(^|node_modules/)(sigstore|@sigstore/tuf|tuf-js)(/|$)' }
    },
    {
      name: 'root-files-are-leaves',
      comment: 'the root files (errors, secrets, atomic-file, version) import no folder',
      severity: 'error',
      from: { path: '^src/[^/]+$' },
      to: { path: '^src/[^/]+/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.json$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' }
  }
}
