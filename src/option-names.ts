/** Who the user is talking to: the CLI knows an option as a flag, the action as an input. */
export type Caller = 'cli' | 'action'

/** The action inputs whose names are not their CLI flag's (action.yml). */
const INPUT_OF_FLAG: Readonly<Record<string, string>> = {
  out: 'out-dir',
  job: 'job-id',
  attestation: 'attestation-dir',
  // the `sigstore` input names the instance the bundles were signed on, hence the profile
  profile: 'sigstore'
}

/**
 * The one way a message names an option, given its CLI flag without dashes: `--api-key-env`
 * for the CLI, `input api-key-env` for the action.
 */
export function optionName(flag: string, caller: Caller = 'cli'): string {
  return caller === 'cli' ? `--${flag}` : `input ${INPUT_OF_FLAG[flag] ?? flag}`
}
