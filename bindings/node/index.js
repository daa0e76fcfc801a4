'use strict'
// datapass-psc for Node.js: the datapass-psc Rust crate, through its native module
// (datapass-psc.node, built by `npm run build`). The crate holds every rule; this file checks
// JavaScript types, hands documents over as bytes, parses the JSON the crate writes (the
// command line's `--format json` output) and throws a DatapassPscError for every refusal.

const native = loadNative()

function loadNative() {
  try {
    return require('./datapass-psc.node')
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND') {
      throw new Error(
        'datapass-psc: the native module datapass-psc.node is missing; build it with `npm run build` ' +
          '(Rust and Cargo needed) in the package directory',
        { cause: error },
      )
    }
    throw error
  }
}

/** A refusal of the crate: an identifier, a request, a document, an event, a signature. */
class DatapassPscError extends Error {
  constructor(fields) {
    super(fields.messageEn)
    this.code = fields.code
    this.messageFr = fields.messageFr
    this.messageEn = fields.messageEn
    this.params = fields.params
    for (const key of ['path', 'origin', 'index', 'state', 'event', 'report']) {
      if (fields[key] !== undefined) this[key] = fields[key]
    }
  }
}
Object.defineProperty(DatapassPscError.prototype, 'name', {
  value: 'DatapassPscError',
  writable: true,
  configurable: true,
})

/** What the native module threw, as this package throws it. */
function translate(error) {
  switch (error && error.code) {
    case 'DATAPASS_PSC_REFUSAL': {
      const r = JSON.parse(error.message)
      return new DatapassPscError({
        code: r.code,
        messageFr: r.message_fr,
        messageEn: r.message_en,
        params: r.params,
        path: r.path,
        origin: r.origin,
        index: r.index,
        state: r.state,
        event: r.event,
        report: r.report,
      })
    }
    case 'DATAPASS_PSC_TYPE_ERROR':
      return new TypeError(error.message)
    default:
      return error
  }
}

function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return `an instance of ${value.constructor ? value.constructor.name : 'Object'}`
  return `type ${typeof value}`
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object') return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** A JSON document as bytes: a Buffer or Uint8Array as it is (not copied), a string as UTF-8,
 * a plain object or an array written by JSON.stringify. */
function documentBytes(value, name) {
  if (value instanceof Uint8Array) return value
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  if (isPlainObject(value) || Array.isArray(value)) {
    let json
    try {
      json = JSON.stringify(value)
    } catch (error) {
      // A cycle or a BigInt (TypeError), or nesting deeper than JSON.stringify's stack
      // (RangeError): not a JSON document.
      throw new TypeError(`The "${name}" argument cannot be written as JSON: ${error.message}`, {
        cause: error,
      })
    }
    return Buffer.from(json, 'utf8')
  }
  throw new TypeError(
    `The "${name}" argument must be a Buffer, a Uint8Array, a string or a plain object; received ${describe(value)}`,
  )
}

/** Raw bytes: a Buffer or Uint8Array, or a string as UTF-8 (a signature covers the bytes). */
function rawBytes(value, name) {
  if (value instanceof Uint8Array) return value
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  throw new TypeError(
    `The "${name}" argument must be a Buffer, a Uint8Array or a string; received ${describe(value)}`,
  )
}

function string(value, name) {
  if (typeof value !== 'string') {
    throw new TypeError(`The "${name}" argument must be a string; received ${describe(value)}`)
  }
  return value
}

function options(value, name) {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`The "${name}" argument must be an object; received ${describe(value)}`)
  }
  return value
}

/** An optional string option: `undefined` or `null` when absent. */
function word(value, name) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    throw new TypeError(`The "${name}" option must be a string; received ${describe(value)}`)
  }
  return value
}

function flag(value, name) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') {
    throw new TypeError(`The "${name}" option must be a boolean; received ${describe(value)}`)
  }
  return value
}

function validate(document, opts) {
  const bytes = documentBytes(document, 'document')
  const rules = word(options(opts, 'options').rules, 'rules')
  let json
  try {
    json = native.validate(bytes, rules === undefined ? 'strict' : rules)
  } catch (error) {
    throw translate(error)
  }
  return JSON.parse(json)
}

function parseRequest(document) {
  const bytes = documentBytes(document, 'document')
  try {
    return JSON.parse(native.parseRequest(bytes))
  } catch (error) {
    throw translate(error)
  }
}

function parseSiret(raw) {
  string(raw, 'raw')
  try {
    return JSON.parse(native.parseSiret(raw))
  } catch (error) {
    throw translate(error)
  }
}

function parseSiren(raw) {
  string(raw, 'raw')
  try {
    return native.parseSiren(raw)
  } catch (error) {
    throw translate(error)
  }
}

function parseEmail(raw) {
  string(raw, 'raw')
  try {
    return native.parseEmail(raw)
  } catch (error) {
    throw translate(error)
  }
}

function parsePhoneNumber(raw) {
  string(raw, 'raw')
  try {
    return JSON.parse(native.parsePhoneNumber(raw))
  } catch (error) {
    throw translate(error)
  }
}

function retentionPeriod(months) {
  if (!Number.isSafeInteger(months)) {
    throw new TypeError(
      `The "months" argument must be an integer; received ${typeof months === 'number' ? months : describe(months)}`,
    )
  }
  try {
    return JSON.parse(native.retentionPeriod(months))
  } catch (error) {
    throw translate(error)
  }
}

function eligibility(answers) {
  if (!isPlainObject(answers)) {
    throw new TypeError(`The "answers" argument must be a plain object; received ${describe(answers)}`)
  }
  const requester = string(answers.requester, 'requester')
  const french = flag(answers.french, 'french')
  const webSolution = flag(answers.webSolution, 'webSolution')
  const healthProfessionals = flag(answers.healthProfessionals, 'healthProfessionals')
  try {
    return JSON.parse(native.eligibility(requester, french, webSolution, healthProfessionals))
  } catch (error) {
    throw translate(error)
  }
}

function replay(eventLog) {
  const bytes = documentBytes(eventLog, 'eventLog')
  try {
    return JSON.parse(native.replay(bytes))
  } catch (error) {
    throw translate(error)
  }
}

function importDatapass(document, opts) {
  const bytes = documentBytes(document, 'document')
  const o = options(opts, 'options')
  const source = word(o.source, 'source')
  const check = word(o.check, 'check')
  try {
    return JSON.parse(native.importDatapass(bytes, source, check))
  } catch (error) {
    throw translate(error)
  }
}

function exportDatapass(request, opts) {
  const bytes = documentBytes(request, 'request')
  const patch = flag(options(opts, 'options').patch, 'patch') === true
  try {
    return JSON.parse(native.exportDatapass(bytes, patch))
  } catch (error) {
    throw translate(error)
  }
}

/** The header as received: absent (`undefined`, `null`) is the empty header, which the crate
 * refuses as `webhook.signature_missing`. */
function header(value) {
  if (value === undefined || value === null) return ''
  return string(value, 'header')
}

function verifySignature(secret, body, signature) {
  const key = rawBytes(secret, 'secret')
  const bytes = rawBytes(body, 'body')
  const value = header(signature)
  try {
    native.verifySignature(key, bytes, value)
  } catch (error) {
    throw translate(error)
  }
}

function webhook(secret, body, signature, opts) {
  const key = rawBytes(secret, 'secret')
  const bytes = rawBytes(body, 'body')
  const value = header(signature)
  const o = options(opts, 'options')
  const source = word(o.source, 'source')
  const check = word(o.check, 'check')
  try {
    return JSON.parse(native.webhook(key, bytes, value, source, check))
  } catch (error) {
    throw translate(error)
  }
}

function schemas() {
  try {
    return JSON.parse(native.schemas())
  } catch (error) {
    throw translate(error)
  }
}

module.exports = {
  DatapassPscError,
  validate,
  parseRequest,
  parseSiret,
  parseSiren,
  parseEmail,
  parsePhoneNumber,
  retentionPeriod,
  eligibility,
  replay,
  importDatapass,
  exportDatapass,
  verifySignature,
  webhook,
  schemas,
}
