#!/usr/bin/env node
// Loads extension.js with stand-ins for the `vscode` API and for
// `vscode-languageclient/node` (neither exists outside VS Code), activates it
// and prints what it did as JSON for tests/editors.rs:
//
//   { "clients": [ { "id", "name", "serverOptions", "documentSelector",
//                    "watcher", "started", "stopped" } ],
//     "commands": [...], "errors": [...] }
//
// Scenario: activate with the default settings, change `mutual.path` to a
// relative path (the server restarts with it, taken from the workspace
// folder), run the restart command, point `mutual.path` at a program that
// does not exist (an error message offers the settings), then deactivate.
//
// Also checks that the regular expressions of language-configuration.json
// compile in JavaScript and behave on sample lines.
//
// Usage: node activate.js

"use strict";

const Module = require("module");
const path = require("path");
const fs = require("fs");

const result = { clients: [], commands: [], errors: [], languageConfiguration: {} };

const settings = { path: "mutual" };
const listeners = { configuration: [] };
const commands = new Map();

const vscode = {
  workspace: {
    workspaceFolders: [{ uri: { fsPath: "/work/space" } }],
    getConfiguration(section) {
      if (section !== "mutual") throw new Error(`unexpected section ${section}`);
      return { get: (key) => settings[key] };
    },
    createFileSystemWatcher(glob) {
      return { glob, dispose() {} };
    },
    onDidChangeConfiguration(listener) {
      listeners.configuration.push(listener);
      return { dispose() {} };
    },
  },
  window: {
    createOutputChannel(name) {
      return { name, appendLine() {}, dispose() {} };
    },
    showErrorMessage(message) {
      result.errors.push(message);
      return Promise.resolve(undefined);
    },
  },
  commands: {
    registerCommand(name, fn) {
      commands.set(name, fn);
      result.commands.push(name);
      return { dispose() {} };
    },
    executeCommand() {
      return Promise.resolve();
    },
  },
};

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.record = {
      id,
      name,
      serverOptions,
      documentSelector: clientOptions.documentSelector,
      watcher: clientOptions.synchronize.fileEvents.glob,
      outputChannel: clientOptions.outputChannel && clientOptions.outputChannel.name,
      started: false,
      stopped: false,
    };
    result.clients.push(this.record);
  }
  start() {
    if (this.record.serverOptions.run.command.includes("no-such-program")) {
      return Promise.reject(new Error("spawn no-such-program ENOENT"));
    }
    this.record.started = true;
    return Promise.resolve();
  }
  stop() {
    this.record.stopped = true;
    return Promise.resolve();
  }
}

const stubs = {
  vscode,
  "vscode-languageclient/node": { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } },
};
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (Object.prototype.hasOwnProperty.call(stubs, request)) return stubs[request];
  return originalLoad.call(this, request, parent, isMain);
};

function checkLanguageConfiguration() {
  const file = path.join(__dirname, "..", "language-configuration.json");
  const config = JSON.parse(fs.readFileSync(file, "utf8"));
  const word = new RegExp(config.wordPattern, "g");
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  result.languageConfiguration = {
    words: "  channel wmil <-> library-2 every 1 month # wind-down 2026-09-01".match(word),
    increase: [
      'agreement "Title" {',
      '  party wmil "Wikimedia {Israel}" {   # a comment',
      '  party wmil {',
      '  purpose "a { in a string"',
      '  risk "x"  # {',
    ].map((line) => increase.test(line)),
    decrease: ["  }", "}", "  party x {"].map((line) => decrease.test(line)),
  };
}

async function main() {
  checkLanguageConfiguration();
  const extension = require(path.join(__dirname, "..", "extension.js"));
  const context = { subscriptions: [] };
  await extension.activate(context);

  settings.path = "target/release/mutual";
  for (const listener of listeners.configuration) {
    listener({ affectsConfiguration: (key) => key === "mutual.path" || key === "mutual" });
  }
  await new Promise((resolve) => setTimeout(resolve, 20));

  await commands.get("mutual.restartServer")();

  settings.path = "no-such-program";
  for (const listener of listeners.configuration) {
    listener({ affectsConfiguration: (key) => key === "mutual.path" || key === "mutual" });
  }
  await new Promise((resolve) => setTimeout(resolve, 20));

  await extension.deactivate();
  result.subscriptions = context.subscriptions.length;
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
