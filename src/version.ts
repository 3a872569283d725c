/** qprov's own version; injected by the bundler, read from package.json under tsx. */
declare const __QPROV_VERSION__: string | undefined

export const QPROV_VERSION: string =
  typeof __QPROV_VERSION__ === 'string' ? __QPROV_VERSION__ : '0.1.0'
