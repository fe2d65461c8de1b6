// Writes a newly generated bench/RESULTS.md (stdin) to FILE, keeping every section that other
// benchmarks own: blocks between "<!-- NAME: begin ... -->" and "<!-- NAME: end -->" in the old
// FILE that the new text does not have are appended unchanged.
// Usage: node keep-sections.mjs FILE < new.md
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
const fresh = readFileSync(0, 'utf8');
const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
const block = /<!-- ([\w-]+): begin[^>]*-->[\s\S]*?<!-- \1: end -->/g;
const kept = [...old.matchAll(block)].filter((m) => !fresh.includes(`<!-- ${m[1]}: begin`)).map((m) => m[0]);
writeFileSync(file, [fresh.trimEnd(), ...kept].join('\n\n') + '\n');
