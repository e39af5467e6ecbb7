// The Mutual extension for VS Code: starts `mutual lsp` (the language
// server built into the `mutual` binary) for `*.mutual` files. Highlighting
// comes from the TextMate grammar in syntaxes/, comments and brackets from
// language-configuration.json; everything else (diagnostics, quick fixes,
// hover, completion, go to definition, rename, formatting, semantic tokens,
// inlay hints) comes from the server.
//
// Plain JavaScript, no build step.

"use strict";

const os = require("os");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

/**
 * The command that starts the server: `mutual.path` (a name looked up on
 * the PATH, or a path; `~` is the home folder and a relative path is taken
 * from the first workspace folder) with the argument `lsp`.
 */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration("mutual").get("path");
  let command = typeof configured === "string" && configured.trim() !== "" ? configured.trim() : "mutual";
  if (command === "~" || command.startsWith("~/")) {
    command = path.join(os.homedir(), command.slice(1));
  } else if (command.includes("/") || command.includes("\\")) {
    const folders = vscode.workspace.workspaceFolders;
    if (!path.isAbsolute(command) && folders && folders.length > 0) {
      command = path.join(folders[0].uri.fsPath, command);
    }
  }
  // No `transport`: with `TransportKind.stdio` the client would add
  // `--stdio` to the arguments. `mutual lsp` speaks on stdio anyway.
  return { command, args: ["lsp"] };
}

function createClient() {
  const executable = serverCommand();
  /** @type {import("vscode-languageclient/node").ServerOptions} */
  const serverOptions = { run: executable, debug: executable };
  /** @type {import("vscode-languageclient/node").LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "mutual" },
      { scheme: "untitled", language: "mutual" },
    ],
    synchronize: {
      // Imported files and mutual.toml changed outside the editor.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{mutual.toml,*.mutual}"),
    },
    outputChannel: output,
  };
  // The id "mutual" makes the client read the `mutual.trace.server` setting.
  return new LanguageClient("mutual", "Mutual", serverOptions, clientOptions);
}

async function startClient() {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const { command } = serverCommand();
    const message =
      `Mutual: could not start the language server \`${command} lsp\`` +
      ` (${err && err.message ? err.message : err}). Install mutual or set "mutual.path".`;
    const choice = await vscode.window.showErrorMessage(message, "Open Settings");
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "mutual.path");
    }
  }
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (_) {
      // A server that never started cannot be stopped; nothing to do.
    }
  }
}

async function restartClient() {
  await stopClient();
  await startClient();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel("Mutual");
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand("mutual.restartServer", restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("mutual.path")) {
        restartClient();
      }
    }),
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, serverCommand };
