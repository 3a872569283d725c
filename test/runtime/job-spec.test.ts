import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findJobSpec,
  loadJobSpec,
  renderJobBody,
  validateJobSpec
} from '../../src/runtime/job-spec.js'
import { checkJobBody } from '../../src/sandbox/runtime/job-body.js'
import { buildManifest } from '../../src/workload/manifest.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { runs } from '../helpers/property.js'

const BELL = join(REPO_ROOT, 'examples/bell')
const QASM = 'OPENQASM 3.0;\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\n'

function pkg(spec: unknown, files: Record<string, string> = { 'c.qasm': QASM }): string {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-spec-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  writeFileSync(join(dir, 'qprov.job.json'), JSON.stringify(spec))
  return join(dir, 'qprov.job.json')
}

const sampler = { version: 1, program: 'sampler', backend: 'ibm_x', pubs: [{ circuit: 'c.qasm' }] }

describe('job spec', () => {
  it('renders examples/bell into the documented POST /jobs body', () => {
    const body = renderJobBody(loadJobSpec(findJobSpec(['examples/bell'], REPO_ROOT)))
    const qasm = readFileSync(join(BELL, 'circuits/bell.qasm'), 'utf8')
    expect(body).toEqual({
      program_id: 'sampler',
      backend: 'ibm_torino',
      params: { pubs: [[qasm, null, 1024]], version: 2 },
      tags: ['example:bell'],
      cost: 300
    })
    expect(body).not.toHaveProperty('private')
    expect(checkJobBody(body)).not.toHaveProperty('status')
  })

  it('lets --backend and explicit tags override the spec', () => {
    const body = renderJobBody(loadJobSpec(join(BELL, 'qprov.job.json')), {
      backend: 'ibm_other',
      tags: ['t'],
      sessionId: 's1'
    })
    expect(body.backend).toBe('ibm_other')
    expect(body.tags).toEqual(['t'])
    expect(body.session_id).toBe('s1')
  })

  it('renders estimator PUBs as [circuit, observables, parameter_values, precision]', () => {
    const spec = {
      version: 1,
      program: 'estimator',
      backend: 'ibm_x',
      resilience_level: 1,
      options: { default_precision: 0.01 },
      pubs: [
        {
          circuit: 'c.qasm',
          observables: ['ZZ', 'XX'],
          parameter_values: [[0.1]],
          precision: 0.02
        },
        { circuit: 'c.qasm', observables: { ZI: 0.5 } }
      ]
    }
    const body = renderJobBody(loadJobSpec(pkg(spec)))
    expect(body.params).toEqual({
      pubs: [
        [QASM, ['ZZ', 'XX'], [[0.1]], 0.02],
        [QASM, { ZI: 0.5 }]
      ],
      version: 2,
      options: { default_precision: 0.01 },
      resilience_level: 1
    })
    expect(checkJobBody(body)).not.toHaveProperty('status')
  })

  it.each([
    [{ ...sampler, program: 'qaoa' }, /\/program: must be one of/],
    [{ ...sampler, extra: 1 }, /\/: unknown property "extra"/],
    [{ ...sampler, pubs: [] }, /\/pubs: must NOT have fewer than 1 items/],
    [{ ...sampler, pubs: [{ circuit: '../x.qasm' }] }, /\/pubs\/0\/circuit: must match pattern/],
    [
      { ...sampler, pubs: [{ circuit: 'c.qasm', observables: 'Z' }] },
      /\/pubs\/0\/observables: a sampler PUB has no observables/
    ],
    [
      { ...sampler, program: 'estimator', pubs: [{ circuit: 'c.qasm' }] },
      /\/pubs\/0: an estimator PUB needs observables/
    ],
    [
      { ...sampler, options: { resilience: {} } },
      /\/options\/resilience: not an option of the sampler primitive/
    ],
    [{ ...sampler, max_execution_time: 20000 }, /\/max_execution_time: must be <= 10800/],
    [{ ...sampler, tags: Array(9).fill('t') }, /\/tags: must NOT have more than 8 items/]
  ])('names the JSON pointer of a schema error (%#)', (spec, message) => {
    let err: Error | undefined
    try {
      validateJobSpec(spec, 'qprov.job.json')
    } catch (e) {
      err = e as Error
    }
    expect(err?.message).toMatch(message)
    expect(err?.message).not.toContain('\n')
    expect((err as { code?: string }).code).toBe('JOB_SPEC_INVALID')
  })

  it('refuses a circuit that is not OpenQASM 3', () => {
    const path = pkg(sampler, { 'c.qasm': 'OPENQASM 2.0;\nqreg q[1];\n' })
    expect(() => loadJobSpec(path)).toThrow(/c\.qasm is not an OpenQASM 3 program/)
  })

  it('refuses a circuit that is a symbolic link out of the package', () => {
    const path = pkg(sampler, {})
    const outside = join(mkdtempSync(join(tmpdir(), 'qprov-out-')), 'x.qasm')
    writeFileSync(outside, QASM)
    symlinkSync(outside, join(path, '..', 'c.qasm'))
    expect(() => loadJobSpec(path)).toThrow(/symbolic link/)
  })

  it('explains a missing spec and a missing circuit', () => {
    expect(() => findJobSpec(['src'], REPO_ROOT)).toThrow(/no qprov\.job\.json in the workload/)
    expect(() => loadJobSpec(pkg(sampler, {}))).toThrow(/circuit of PUB 0 not found/)
  })

  it('puts qprov.job.json into the workload digest of examples/bell', async () => {
    const manifest = await buildManifest(['examples/bell'], { cwd: REPO_ROOT })
    const paths = manifest.files.map(f => f.path)
    expect(paths.some(p => p.endsWith('qprov.job.json'))).toBe(true)
    expect(paths.some(p => p.endsWith('circuits/bell.qasm'))).toBe(true)
  })
})

describe('examples', () => {
  it('examples/bell-estimator renders a valid estimator batch job', () => {
    const loaded = loadJobSpec(findJobSpec(['examples/bell-estimator'], REPO_ROOT))
    expect(loaded.spec.mode).toBe('batch')
    const body = renderJobBody(loaded)
    expect(body.program_id).toBe('estimator')
    // Physical-width observables for ibm_torino (133 qubits), little-endian: $0 is the last character.
    const wide = (p: string) => 'I'.repeat(131) + p
    expect((body.params.pubs as unknown[][])[0][1]).toEqual(['ZZ', 'XX', 'ZI'].map(wide))
    expect(body.params.options).toEqual({ default_shots: 4096 })
    expect(checkJobBody(body)).not.toHaveProperty('status')
  })
})

describe('job spec validation on arbitrary input', () => {
  it('either returns a spec or throws a coded one-line JOB_SPEC_INVALID error', () => {
    const near = fc.record(
      {
        version: fc.constantFrom(1, 2, '1'),
        program: fc.constantFrom('sampler', 'estimator', 'x'),
        backend: fc.constantFrom('ibm_x', '', 'a b'),
        shots: fc.integer({ min: -2, max: 5 }),
        precision: fc.double(),
        pubs: fc.array(
          fc.record(
            {
              circuit: fc.constantFrom('c.qasm', '../c.qasm', '/abs.qasm', 'c.txt'),
              shots: fc.integer({ min: 0, max: 3 }),
              observables: fc.constantFrom('ZZ', ['XX'], { ZI: 1 }, 'Q', [])
            },
            { requiredKeys: ['circuit'] }
          ),
          { maxLength: 3 }
        )
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(fc.oneof(fc.anything(), near), value => {
        try {
          validateJobSpec(value)
        } catch (e) {
          expect((e as { code?: string }).code).toBe('JOB_SPEC_INVALID')
          expect((e as Error).message).not.toContain('\n')
        }
      }),
      runs()
    )
  })
})
