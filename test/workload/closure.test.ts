import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  circuitPackagePath,
  closureFindings,
  pubCircuits,
  sha256Hex,
  specsWithoutCircuits
} from '../../src/workload/closure.js'
import { runs } from '../helpers/property.js'

const spec = (...circuits: string[]) =>
  Buffer.from(JSON.stringify({ version: 1, pubs: circuits.map(circuit => ({ circuit })) }))
const BELL = 'a'.repeat(64)

describe('the closure of a package', () => {
  it('is closed when every named circuit is a file of the package', () => {
    const bytes = spec('circuits/bell.qasm', './circuits/bell.qasm')
    expect(
      closureFindings({
        files: [
          { path: 'w/qprov.job.json', sha256: sha256Hex(bytes) },
          { path: 'w/circuits/bell.qasm', sha256: BELL }
        ],
        specs: [{ path: 'w/qprov.job.json', bytes }]
      })
    ).toEqual([])
  })

  it('names a circuit the package does not hold, by spec, PUB and package path', () => {
    const bytes = spec('circuits/bell.qasm', 'circuits/ghz.qasm')
    expect(
      closureFindings({
        files: [{ path: 'w/qprov.job.json' }, { path: 'w/circuits/bell.qasm' }],
        specs: [{ path: 'w/qprov.job.json', bytes }]
      })
    ).toEqual([
      {
        kind: 'circuit-not-in-package',
        spec: 'w/qprov.job.json',
        pub: 1,
        circuit: 'circuits/ghz.qasm',
        path: 'w/circuits/ghz.qasm'
      }
    ])
  })

  it('finds a circuit whose bytes used differ from the signed ones, and a spec read differently', () => {
    const bytes = spec('c.qasm')
    const files = [
      { path: 'qprov.job.json', sha256: sha256Hex(bytes) },
      { path: 'c.qasm', sha256: BELL }
    ]
    const used = new Map([['c.qasm', 'b'.repeat(64)]])
    expect(closureFindings({ files, specs: [{ path: 'qprov.job.json', bytes }], used })).toEqual([
      expect.objectContaining({
        kind: 'circuit-digest-differs',
        signed: BELL,
        used: 'b'.repeat(64)
      })
    ])
    expect(
      closureFindings({ files, specs: [{ path: 'qprov.job.json', bytes: spec('d.qasm') }] })
    ).toEqual([expect.objectContaining({ kind: 'spec-digest-differs' })])
  })

  it('refuses a circuit path that climbs out of the package', () => {
    const bytes = spec('../../x.qasm')
    expect(
      closureFindings({
        files: [{ path: 'w/qprov.job.json' }],
        specs: [{ path: 'w/qprov.job.json', bytes }]
      })
    ).toEqual([expect.objectContaining({ kind: 'circuit-outside-package', pub: 0 })])
  })

  it('reads a spec as submit does: a BOM is dropped, bytes that are no spec name nothing', () => {
    expect(pubCircuits(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), spec('c.qasm')]))).toEqual([
      'c.qasm'
    ])
    expect(pubCircuits(Buffer.from('not json'))).toBeUndefined()
    expect(pubCircuits(Buffer.from('{"pubs":[{"circuit":1}]}'))).toBeUndefined()
    expect(pubCircuits(Buffer.from([0xff, 0xfe]))).toBeUndefined()
  })

  it('resolves circuit paths exactly as the job spec reader does', () => {
    const segment = fc.stringMatching(/^[a-z.]{1,4}$/).filter(s => s !== '..')
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        (dir, parts) => {
          const specPath = [...dir, 'qprov.job.json'].join('/')
          const circuit = parts.join('/')
          const root = '/pkg'
          const expected = path.posix.relative(
            root,
            path.posix.resolve(root, path.posix.dirname(specPath), circuit)
          )
          expect(circuitPackagePath(specPath, circuit)).toBe(expected === '' ? undefined : expected)
        }
      ),
      runs()
    )
  })

  it('from paths alone: a spec with no .qasm file in its directory cannot be closed', () => {
    expect(specsWithoutCircuits(['w/qprov.job.json'])).toEqual(['w/qprov.job.json'])
    expect(specsWithoutCircuits(['w/qprov.job.json', 'w/c/bell.qasm', 'qprov.job.json'])).toEqual(
      []
    )
    expect(specsWithoutCircuits(['w/qprov.job.json', 'v/bell.qasm'])).toEqual(['w/qprov.job.json'])
  })
})
