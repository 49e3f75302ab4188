"use strict";
// Activates the extension against stand-ins for `vscode` and `vscode-languageclient` (npm
// packages cannot be installed here): the server it starts and the options it sends.
const assert = require("node:assert");
const Module = require("node:module");
const path = require("node:path");
const test = require("node:test");

function load(settings) {
  const events = { started: 0, stopped: 0, clients: [], configurationListeners: [] };
  const vscode = {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => (section === "ivrc" ? settings[key] : undefined) }),
      onDidChangeConfiguration: (listener) => {
        events.configurationListeners.push(listener);
        return { dispose() {} };
      },
    },
  };
  class LanguageClient {
    constructor(id, name, server, clientOptions) {
      Object.assign(this, { id, name, server, clientOptions });
      events.clients.push(this);
    }
    async start() { events.started += 1; }
    async stop() { events.stopped += 1; }
  }
  const stubs = { vscode, "vscode-languageclient/node": { LanguageClient } };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request in stubs ? request : resolve.call(this, request, ...rest);
  };
  for (const [name, exports] of Object.entries(stubs)) {
    require.cache[name] = { id: name, filename: name, loaded: true, exports };
  }
  const file = path.join(__dirname, "..", "extension.js");
  delete require.cache[require.resolve(file)];
  const extension = require(file);
  Module._resolveFilename = resolve;
  return { extension, events };
}

test("activation starts `ivrc lsp` for .ivr files with the chosen environment", async () => {
  const { extension, events } = load({ path: "/opt/ivrc/bin/ivrc", env: "staging" });
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(events.clients.length, 1);
  const client = events.clients[0];
  assert.deepStrictEqual(client.server, { command: "/opt/ivrc/bin/ivrc", args: ["lsp"] });
  assert.deepStrictEqual(client.clientOptions.documentSelector, [{ scheme: "file", language: "ivr" }]);
  assert.deepStrictEqual(client.clientOptions.initializationOptions, { env: "staging" });
  assert.strictEqual(events.started, 1);
  assert.strictEqual(context.subscriptions.length, 1);

  await events.configurationListeners[0]({ affectsConfiguration: (section) => section === "ivrc" });
  assert.strictEqual(events.clients.length, 2);
  assert.strictEqual(events.stopped, 1);
  await extension.deactivate();
  assert.strictEqual(events.stopped, 2);
});

test("without settings the server is `ivrc` on the PATH and no environment", async () => {
  const { extension, events } = load({});
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(events.clients[0].server.command, "ivrc");
  assert.deepStrictEqual(events.clients[0].clientOptions.initializationOptions, {});
});
