'use strict'
// Shared by the tests: the repository's files, and the command-line tool when one is built.

const fs = require('node:fs')
const path = require('node:path')
const { execFileSync } = require('node:child_process')

const ROOT = path.join(__dirname, '..', '..', '..')

/** A file of the repository, as bytes. */
function read(...parts) {
  return fs.readFileSync(path.join(ROOT, ...parts))
}

/** A JSON file of the repository, parsed. */
function readJson(...parts) {
  return JSON.parse(read(...parts).toString('utf8'))
}

/** The names of a directory's JSON files, sorted. */
function jsonFiles(...parts) {
  return fs
    .readdirSync(path.join(ROOT, ...parts))
    .filter((name) => name.endsWith('.json'))
    .sort()
}

/** The command-line tool (`cargo build --features cli`): `DATAPASS_PSC_CLI` (which must exist:
 * CI sets it), or the workspace's own build; `undefined` when there is none, and the tests that
 * compare with it are skipped. */
const CLI = (() => {
  const given = process.env.DATAPASS_PSC_CLI
  if (given && !fs.existsSync(given)) throw new Error(`DATAPASS_PSC_CLI=${given}: no such file`)
  const candidates = [
    process.env.DATAPASS_PSC_CLI,
    process.env.CARGO_TARGET_DIR && path.join(process.env.CARGO_TARGET_DIR, 'debug', 'datapass-psc'),
    path.join(ROOT, 'target', 'debug', 'datapass-psc'),
    path.join(ROOT, 'target', 'release', 'datapass-psc'),
  ]
  return candidates.find((file) => file && fs.existsSync(file))
})()

/** The command line's `--format json` output for these arguments, parsed, and its exit code. */
function cli(args, input) {
  try {
    const stdout = execFileSync(CLI, [...args, '--format', 'json'], {
      cwd: ROOT,
      input,
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
    return { exit: 0, json: JSON.parse(stdout.toString('utf8')) }
  } catch (error) {
    if (typeof error.status !== 'number') throw error
    return { exit: error.status, json: JSON.parse(error.stdout.toString('utf8')) }
  }
}

const skipWithoutCli = CLI
  ? false
  : 'no command-line tool: build it (cargo build --features cli) or set DATAPASS_PSC_CLI'

module.exports = { ROOT, read, readJson, jsonFiles, CLI, cli, skipWithoutCli }
