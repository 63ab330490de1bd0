/**
 * First thing the plain-Node entries (out/main/headless.js, demo-headless.js) do: refuse a Node older
 * than the first one measured to work, with the sentence scripts/check-node.cjs prints, instead of
 * ERR_UNKNOWN_BUILTIN_MODULE for node:sqlite. Imported before anything that loads the store (which the
 * entries import dynamically), so it runs on any Node that can parse the bundle.
 * The same minimum as package.json's engines and scripts/check-node.cjs (a test keeps them equal).
 */
export const MIN_NODE = { major: 22, minor: 13 } as const

export function nodeVersionProblem(version: string): string | null {
  const [major = NaN, minor = 0] = version
    .replace(/^v/, '')
    .split('.')
    .map((p) => Number.parseInt(p, 10))
  const need = `Node ${MIN_NODE.major}.${MIN_NODE.minor} or newer is needed`
  const getIt =
    'Get it without touching the system Node: npm install --prefix ~/.cache/qq-node-22 node@22, then put ' +
    '~/.cache/qq-node-22/node_modules/.bin first on PATH (or: nvm install 22); see README, "Try it".'
  if (Number.isNaN(major)) return `${need} (could not read the version "${version}"). ${getIt}`
  if (major < MIN_NODE.major || (major === MIN_NODE.major && minor < MIN_NODE.minor))
    return `${need} (you have ${version.replace(/^v/, '')}). ${getIt}`
  return null
}

const problem = nodeVersionProblem(process.env.QQ_CHECK_NODE_AS || process.versions.node)
if (problem) {
  process.stderr.write(`${problem}\n`)
  process.exit(1)
}
