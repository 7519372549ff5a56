// Records what JupyterLab's own serializer (@jupyterlab/services kernel/serialize) sends.
// Usage: node make_jupyterlab_fixtures.cjs <path to node_modules/@jupyterlab/services>
// Writes jupyterlab-client.json beside this script.
const path = require('path');
const fs = require('fs');
const services = process.argv[2];
const { serialize } = require(path.join(services, 'lib/kernel/serialize.js'));
const version = require(path.join(services, 'package.json')).version;

function header(msgType, id) {
  return { msg_id: id, msg_type: msgType, username: 'lab', session: 's-1',
           date: '2026-11-25T21:00:00.000Z', version: '5.2' };
}
function b64(data) {
  return typeof data === 'string'
    ? Buffer.from(data, 'utf8').toString('base64')
    : Buffer.from(new Uint8Array(data)).toString('base64');
}
const cases = [];
function record(name, protocol, msg) {
  const expected = JSON.parse(JSON.stringify({ ...msg, buffers: undefined }));
  const buffers = (msg.buffers || []).map(b => Buffer.from(new Uint8Array(b)).toString('base64'));
  const data = serialize(msg, protocol);
  cases.push({ name, protocol, type: typeof data === 'string' ? 'text' : 'binary',
               payload_b64: b64(data), channel: msg.channel, expected, buffers_b64: buffers });
}
const execute = () => ({
  channel: 'shell', header: header('execute_request', 'm-1'), parent_header: {},
  metadata: { deletedCells: [], recordTiming: false, cellId: 'c-\u00e9' },
  content: { code: 'print("h\u00e9llo \u2713 \ud83d\ude00")\n', silent: false, store_history: true,
             user_expressions: {}, allow_stdin: true, stop_on_error: true },
  buffers: []
});
const comm = () => ({
  channel: 'shell', header: header('comm_msg', 'm-2'), parent_header: {}, metadata: {},
  content: { comm_id: 'w1', data: { method: 'update', state: { value: 3 },
             buffer_paths: [['a'], ['b']] } },
  buffers: [new Uint8Array([0, 1, 2, 255]).buffer, new ArrayBuffer(0)]
});
const info = () => ({
  channel: 'control', header: header('kernel_info_request', 'm-3'), parent_header: {},
  metadata: {}, content: {}, buffers: []
});
record('legacy-execute', '', execute());
record('legacy-comm-buffers', '', comm());
record('legacy-kernel-info-control', '', info());
record('v1-execute', 'v1.kernel.websocket.jupyter.org', execute());
record('v1-comm-buffers', 'v1.kernel.websocket.jupyter.org', comm());
fs.writeFileSync(path.join(__dirname, 'jupyterlab-client.json'), JSON.stringify({
  source: '@jupyterlab/services ' + version + ' kernel/serialize.js', cases }, null, 1) + '\n');
