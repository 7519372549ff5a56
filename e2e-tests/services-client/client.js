#!/usr/bin/env node
// A @jupyterlab/services client talking to an nbguard gateway directly (no Jupyter Server in
// between). Driven by ServicesClientIT:
//
//   node client.js <job.json> <result.json>
//
// job.json: {baseUrl, token, protocol: "v1" | "legacy", kernel, cells: {name: code},
//            echo: {setup: code, target: name, buffers: [base64, ...]},
//            input: {code, answer}, interrupt: code, restart: {before: code, after: code}}
//
// Writes one JSON object to result.json (stdout carries the library's console logging): the
// WebSocket subprotocol the connection settled on, for each cell the iopub messages it produced
// ({msg_type, content}) and its execute_reply status, and the buffers the kernel echoed back on
// the comm (base64), the interrupted cell's reply, the cells around a restart. The Java test
// judges them.
'use strict';

const fs = require('fs');
const WebSocket = require('ws');
const { KernelManager, ServerConnection } = require('@jupyterlab/services');

/** A WebSocket that never offers a subprotocol: the server must fall back to legacy JSON. */
class LegacyOnlyWebSocket extends WebSocket {
  constructor(url, _protocols, options) {
    super(url, [], options);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function toBase64(view) {
  if (view instanceof ArrayBuffer) {
    return Buffer.from(view).toString('base64');
  }
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

async function runCell(kernel, code) {
  const iopub = [];
  const future = kernel.requestExecute({ code, stop_on_error: false });
  future.onIOPub = msg => {
    if (msg.header.msg_type !== 'status') {
      iopub.push({ msg_type: msg.header.msg_type, content: msg.content });
    }
  };
  const reply = await withTimeout(future.done, 30000, 'execute: ' + code.slice(0, 60));
  return { status: reply.content.status, iopub };
}

/** Runs a cell that calls input(); answers every input_request on stdin with input.answer. */
async function inputCell(kernel, input) {
  const iopub = [];
  const prompts = [];
  const future = kernel.requestExecute({ code: input.code, allow_stdin: true });
  future.onIOPub = msg => {
    if (msg.header.msg_type !== 'status') {
      iopub.push({ msg_type: msg.header.msg_type, content: msg.content });
    }
  };
  future.onStdin = msg => {
    if (msg.header.msg_type === 'input_request') {
      prompts.push(msg.content.prompt);
      future.sendInputReply({ status: 'ok', value: input.answer }, msg.header);
    }
  };
  const reply = await withTimeout(future.done, 30000, 'the input() cell');
  return { status: reply.content.status, prompts, iopub };
}

/** Runs a long cell and interrupts it once it runs (POST /api/kernels/ID/interrupt). */
async function interruptCell(kernel, code) {
  const iopub = [];
  let started;
  const running = new Promise(resolve => {
    started = resolve;
  });
  const future = kernel.requestExecute({ code });
  future.onIOPub = msg => {
    if (msg.header.msg_type === 'execute_input') {
      started();
    }
    if (msg.header.msg_type !== 'status') {
      iopub.push({ msg_type: msg.header.msg_type, content: msg.content });
    }
  };
  await withTimeout(running, 20000, 'the cell to start');
  await new Promise(resolve => setTimeout(resolve, 300));
  await withTimeout(kernel.interrupt(), 20000, 'interrupt');
  const reply = await withTimeout(future.done, 30000, 'the interrupted cell');
  return { status: reply.content.status, ename: reply.content.ename, iopub };
}

/**
 * Sets state, restarts the kernel as JupyterLab does (REST restart, then a new WebSocket with the
 * same session id), and runs a cell afterwards.
 */
async function restartKernel(kernel, restart) {
  const before = await runCell(kernel, restart.before);
  await withTimeout(kernel.restart(), 60000, 'restart');
  const after = await runCell(kernel, restart.after);
  return { before, after, protocol: kernel._ws ? kernel._ws.protocol : null };
}

async function echoBuffers(kernel, echo) {
  await runCell(kernel, echo.setup);
  const comm = kernel.createComm(echo.target);
  const answered = new Promise(resolve => {
    comm.onMsg = msg => resolve(msg);
  });
  await withTimeout(comm.open({ hello: 'nbguard' }).done, 20000, 'comm_open');
  const sent = echo.buffers.map(b => new Uint8Array(Buffer.from(b, 'base64')));
  comm.send({ ping: sent.length }, {}, sent);
  const msg = await withTimeout(answered, 20000, 'echoed comm_msg');
  return {
    data: msg.content.data,
    buffers: (msg.buffers || []).map(toBase64)
  };
}

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: job.baseUrl,
    wsUrl: job.baseUrl.replace(/^http/, 'ws'),
    token: job.token,
    appendToken: true,
    WebSocket: job.protocol === 'legacy' ? LegacyOnlyWebSocket : WebSocket
  });
  const manager = new KernelManager({ serverSettings });
  await withTimeout(manager.ready, 20000, 'kernel manager ready');
  const kernel = await withTimeout(manager.startNew({ name: job.kernel }), 60000, 'start kernel');
  const result = { kernelId: kernel.id, cells: {} };
  try {
    await withTimeout(kernel.info, 30000, 'kernel_info');
    // the subprotocol of the live socket ('' = legacy JSON frames)
    result.protocol = kernel._ws ? kernel._ws.protocol : null;
    for (const [name, code] of Object.entries(job.cells)) {
      result.cells[name] = await runCell(kernel, code);
    }
    if (job.echo) {
      result.echo = await echoBuffers(kernel, job.echo);
    }
    if (job.input) {
      result.input = await inputCell(kernel, job.input);
    }
    if (job.interrupt) {
      result.interrupt = await interruptCell(kernel, job.interrupt);
    }
    if (job.restart) {
      result.restart = await restartKernel(kernel, job.restart);
    }
  } finally {
    await withTimeout(kernel.shutdown(), 20000, 'shutdown').catch(e => {
      result.shutdownError = String(e);
    });
    manager.dispose();
  }
  fs.writeFileSync(process.argv[3], JSON.stringify(result) + '\n');
}

main().then(
  () => process.exit(0),
  err => {
    process.stderr.write('services-client: ' + (err && err.stack ? err.stack : String(err)) + '\n');
    process.exit(1);
  }
);
