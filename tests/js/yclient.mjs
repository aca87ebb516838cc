#!/usr/bin/env node
// A stock Yjs client (yjs + y-websocket, no Promptdesk code) that server tests script.
//
// It reads one JSON command per line on stdin and writes one JSON event per line on stdout;
// every event carries "client_id" (the Y.Doc's clientID), and the answer to a command carries
// the command's "id" when it had one. tests/support/yjs_node.py drives it. Commands:
//
//   {"cmd":"connect","url":"ws://host:port/v1/workspaces/WS/sync","room":"DOC","token":"..."}
//       optional: "params" (more query parameters), "auto_reconnect" (default true),
//       "max_backoff_ms" (default 2500)
//   {"cmd":"insert","text":"body","index":0,"value":"..."}     (index defaults to the end)
//   {"cmd":"delete","text":"body","index":0,"length":3}
//   {"cmd":"setmap","map":"fields","key":"k","value":...}
//   {"cmd":"delmap","map":"fields","key":"k"}
//   {"cmd":"apply","b64":"..."}        apply a Yjs update locally (as if made here)
//   {"cmd":"awareness","state":{...}}  this client's presence (null: none)
//   {"cmd":"dump"}                     -> {"event":"dump","texts","maps","state_vector_b64","update_b64"}
//   {"cmd":"disconnect"} / {"cmd":"reconnect"}
//   {"cmd":"raw","b64":"..."}          send these bytes as one binary frame on the open socket
//   {"cmd":"terminate"}                drop the TCP connection without a close frame, then exit
//   {"cmd":"exit"}                     close cleanly, then exit
//
// Events: ready, ack (a command was carried out), status, synced, update, awareness, close
// (socket closed: code and reason; code null when this side closed it), closed (the server
// asked not to reconnect: close code 4400-4499), message_type (a frame type the provider does
// not understand, with its JSON payload for Promptdesk's own types), auth (permission denied,
// with the reason), error. Diagnostics of the provider itself go to stderr.

import * as readline from 'node:readline'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'

const STANDARD_TYPES = new Set([0, 1, 2, 3])
const DEFAULT_TEXTS = ['body', 'system']
const DEFAULT_MAPS = ['fields']

const doc = new Y.Doc()
const awareness = new awarenessProtocol.Awareness(doc)
/** @type {WebsocketProvider | null} */
let provider = null
let exiting = false

const emit = (event) => {
  process.stdout.write(JSON.stringify({ ...event, client_id: doc.clientID }) + '\n')
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64')

// A type made by a remote update stays a generic AbstractType until it is asked for as a Text
// or a Map; tell them apart by their content (a Text's items are a list, a Map's are keyed).
const sharedNames = () => {
  const texts = new Set(DEFAULT_TEXTS)
  const maps = new Set(DEFAULT_MAPS)
  for (const [name, type] of doc.share) {
    if (type instanceof Y.Text) texts.add(name)
    else if (type instanceof Y.Map) maps.add(name)
    else if (type._start !== null) texts.add(name)
    else if (type._map.size > 0) maps.add(name)
  }
  return { texts: [...texts], maps: [...maps] }
}

const contents = () => {
  const { texts, maps } = sharedNames()
  const out = { texts: {}, maps: {} }
  for (const name of texts) out.texts[name] = doc.getText(name).toString()
  for (const name of maps) out.maps[name] = doc.getMap(name).toJSON()
  return out
}

const statesObject = () => {
  const states = {}
  for (const [clientId, state] of awareness.getStates()) states[clientId] = state
  return states
}

doc.on('update', (_update, origin) => {
  emit({ event: 'update', origin: origin === provider && provider !== null ? 'remote' : 'local', ...contents() })
})

awareness.on('change', ({ added, updated, removed }) => {
  emit({ event: 'awareness', added, updated, removed, states: statesObject() })
})

// Frames as they arrive, before the provider reads them: the ones it cannot read are reported.
const watchSocket = (socket) => {
  socket.addEventListener('message', (message) => {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.data))
      const type = decoding.readVarUint(decoder)
      if (type === 2) {
        decoding.readVarUint(decoder)
        emit({ event: 'auth', reason: decoding.readVarString(decoder) })
      } else if (!STANDARD_TYPES.has(type)) {
        let payload = null
        try {
          payload = JSON.parse(decoding.readVarString(decoder))
        } catch {
          payload = null
        }
        emit({ event: 'message_type', type, payload })
      }
    } catch (error) {
      emit({ event: 'error', where: 'frame', message: String(error) })
    }
  })
}

const connect = (command) => {
  if (provider !== null) throw new Error('already connected; use reconnect')
  const params = { ...(command.params || {}) }
  if (command.token) params.token = command.token
  const options = {
    params,
    awareness,
    WebSocketPolyfill: WebSocket,
    disableBc: true,
    maxBackoffTime: command.max_backoff_ms ?? 2500
  }
  if (command.auto_reconnect === false) options.shouldReconnect = () => false
  provider = new WebsocketProvider(command.url, command.room, doc, options)
  provider.on('status', ({ status }) => {
    if (status === 'connecting' && provider.ws) watchSocket(provider.ws)
    emit({ event: 'status', status })
  })
  provider.on('sync', (synced) => emit({ event: 'synced', synced }))
  provider.on('connection-close', (event) => {
    emit({ event: 'close', code: event ? event.code : null, reason: event ? event.reason : '' })
  })
  provider.on('closed', ({ code, reason }) => emit({ event: 'closed', code, reason }))
  provider.on('connection-error', (event) => {
    emit({ event: 'error', where: 'connection', message: String(event?.message ?? event?.error ?? 'error') })
  })
  // The provider's first socket was made in its constructor, before our listener existed.
  if (provider.ws) watchSocket(provider.ws)
}

const requireProvider = () => {
  if (provider === null) throw new Error('not connected')
  return provider
}

// Give a closing socket a moment to send its close frame, then leave.
const leave = (socket, code) => {
  const done = () => process.stdout.write('', () => process.exit(code))
  if (!socket || socket.readyState === WebSocket.CLOSED) return done()
  socket.once('close', done)
  setTimeout(done, 1000)
}

const handlers = {
  connect,
  insert: (c) => {
    const text = doc.getText(c.text || 'body')
    text.insert(c.index ?? text.length, String(c.value ?? ''))
  },
  delete: (c) => doc.getText(c.text || 'body').delete(c.index ?? 0, c.length ?? 1),
  setmap: (c) => doc.getMap(c.map || 'fields').set(String(c.key), c.value),
  delmap: (c) => doc.getMap(c.map || 'fields').delete(String(c.key)),
  apply: (c) => Y.applyUpdate(doc, Buffer.from(c.b64, 'base64'), 'apply'),
  awareness: (c) => awareness.setLocalState(c.state ?? null),
  dump: (c) => {
    emit({
      event: 'dump',
      id: c.id,
      ...contents(),
      state_vector_b64: b64(Y.encodeStateVector(doc)),
      update_b64: b64(Y.encodeStateAsUpdate(doc))
    })
    return false
  },
  disconnect: () => requireProvider().disconnect(),
  reconnect: () => requireProvider().connect(),
  raw: (c) => {
    const socket = requireProvider().ws
    if (!socket || socket.readyState !== WebSocket.OPEN) throw new Error('socket not open')
    socket.send(Buffer.from(c.b64, 'base64'))
  },
  terminate: () => {
    const socket = provider ? provider.ws : null
    if (socket) socket.terminate()
    process.stdout.write('', () => process.exit(0))
    return false
  },
  exit: () => {
    if (exiting) return false
    exiting = true
    const socket = provider ? provider.ws : null
    if (provider) provider.destroy()
    leave(socket, 0)
    return false
  }
}

process.on('uncaughtException', (error) => {
  emit({ event: 'error', where: 'uncaught', message: String(error?.stack ?? error) })
})

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
lines.on('line', (line) => {
  if (!line.trim()) return
  let command
  try {
    command = JSON.parse(line)
  } catch (error) {
    emit({ event: 'error', where: 'command', message: `not JSON: ${error}` })
    return
  }
  const handler = handlers[command.cmd]
  if (!handler) {
    emit({ event: 'error', where: 'command', id: command.id, message: `unknown command ${command.cmd}` })
    return
  }
  try {
    if (handler(command) !== false) emit({ event: 'ack', cmd: command.cmd, id: command.id })
  } catch (error) {
    emit({ event: 'error', where: 'command', cmd: command.cmd, id: command.id, message: String(error) })
  }
})
// stdin closed (the test process went away): close cleanly and leave.
lines.on('close', () => handlers.exit())

emit({ event: 'ready', node: process.version })
