#!/usr/bin/env node
// Fails on any syntax that an ES3 engine (IE 8, old Android, old Safari)
// cannot parse. Scripts served to those browsers must not throw a
// SyntaxError, or the warning they exist to show never appears.
//
// Usage: node check.js FILE...
// Prints "ok FILE" per file; on the first problem prints
// "FILE:LINE:COL: message" and exits 1.
'use strict';

const fs = require('fs');
const acorn = require('acorn');

// allowReserved 'never' rejects `a.class` and `{default: 1}`, which old IE's
// parser refuses even though acorn's plain ES3 mode lets them through.
const OPTIONS = {
  ecmaVersion: 3,
  sourceType: 'script',
  allowReserved: 'never',
  locations: true,
};

function fail(file, line, col, message) {
  process.stderr.write(`${file}:${line}:${col}: ${message}\n`);
  process.exit(1);
}

// An array trailing comma is legal ES3 but IE 8 counts an extra undefined
// element, so `[a, b,].length` differs between browsers. Refuse it too.
function checkArrayTrailingComma(file, tokens) {
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    if (prev.type.label === ',' && tokens[i].type.label === ']') {
      const at = prev.loc.start;
      fail(file, at.line, at.column + 1, 'trailing comma in array literal');
    }
  }
}

function checkFile(file) {
  let src;
  try {
    src = fs.readFileSync(file, 'utf8');
  } catch (e) {
    fail(file, 0, 0, `cannot read: ${e.message}`);
  }
  const tokens = [];
  try {
    acorn.parse(src, { ...OPTIONS, onToken: tokens });
  } catch (e) {
    if (!(e instanceof SyntaxError) || !e.loc) throw e;
    // acorn appends " (line:col)" to its messages; we print it up front.
    const message = e.message.replace(/ \(\d+:\d+\)$/, '');
    fail(file, e.loc.line, e.loc.column + 1, message);
  }
  checkArrayTrailingComma(file, tokens);
  process.stdout.write(`ok ${file}\n`);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node check.js FILE...\n');
  process.exit(2);
}
files.forEach(checkFile);
