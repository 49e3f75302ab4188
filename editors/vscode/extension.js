"use strict";
// Starts `ivrc lsp` for .ivr files: diagnostics as you type, formatting, go to definition,
// rename, hover, completion and the "▶ run test" lenses all come from the server (the client
// registers the lenses' server commands, ivrc.runTest and ivrc.runTests, itself).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function createClient() {
  const settings = vscode.workspace.getConfiguration("ivrc");
  const environment = settings.get("env");
  const server = { command: settings.get("path") || "ivrc", args: ["lsp"] };
  return new LanguageClient("ivrc", "ivrc", server, {
    documentSelector: [{ scheme: "file", language: "ivr" }],
    initializationOptions: environment ? { env: environment } : {},
  });
}

async function activate(context) {
  client = createClient();
  // A new binary or values file takes a new server: the settings are read at start.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("ivrc")) return;
      await client.stop();
      client = createClient();
      await client.start();
    })
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
