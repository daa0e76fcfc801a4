'use strict'
// `npm pack` runs this first: the tarball needs the native module (built on this machine, for
// this platform) and the licence texts of the repository.

const fs = require('node:fs')
const path = require('node:path')

const PACKAGE = path.join(__dirname, '..')
if (!fs.existsSync(path.join(PACKAGE, 'datapass-psc.node'))) {
  console.error('datapass-psc: no datapass-psc.node to pack; run `npm run build` first')
  process.exit(1)
}
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  fs.copyFileSync(path.join(PACKAGE, '..', '..', file), path.join(PACKAGE, file))
}
