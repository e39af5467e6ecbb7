#!/usr/bin/env node
// Tokenizes files with the extension's TextMate grammar, the way VS Code
// does (vscode-textmate with the Oniguruma WebAssembly engine), and prints
// the result as JSON for tests/editors.rs to check:
//
//   { "files": { PATH: [ { "text": LINE,
//                          "tokens": [ { "text": ..., "scopes": [...] } ],
//                          "depth": N } ] } }
//
// `depth` is the depth of the grammar's rule stack after the line: 1 means
// the line left nothing open (no string or other region leaks onto the next
// line).
//
// Usage: node tokenize.js NODE_MODULES_DIR FILE...
// NODE_MODULES_DIR holds vscode-textmate and vscode-oniguruma.

"use strict";

const fs = require("fs");
const path = require("path");

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  if (!modules || files.length === 0) {
    throw new Error("usage: node tokenize.js NODE_MODULES_DIR FILE...");
  }
  const textmate = require(path.join(modules, "vscode-textmate"));
  const oniguruma = require(path.join(modules, "vscode-oniguruma"));
  const wasm = fs.readFileSync(
    path.join(modules, "vscode-oniguruma", "release", "onig.wasm"),
  );
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  const grammarPath = path.join(__dirname, "..", "syntaxes", "mutual.tmLanguage.json");
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== "source.mutual") return null;
      const text = fs.readFileSync(grammarPath, "utf8");
      return textmate.parseRawGrammar(text, grammarPath);
    },
  });
  const grammar = await registry.loadGrammar("source.mutual");
  if (!grammar) throw new Error("the grammar source.mutual did not load");

  const result = { files: {} };
  for (const file of files) {
    let text = fs.readFileSync(file, "utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = text.split(/\r?\n/);
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    let state = textmate.INITIAL;
    const out = [];
    for (const line of lines) {
      const r = grammar.tokenizeLine(line, state);
      out.push({
        text: line,
        tokens: r.tokens.map((t) => ({
          text: line.slice(t.startIndex, t.endIndex),
          scopes: t.scopes,
        })),
        depth: r.ruleStack.depth,
      });
      state = r.ruleStack;
    }
    result.files[file] = out;
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
