// Writes what the rules say of themselves where a reader finds it: the README's rule table
// (between <!-- rules:begin --> and <!-- rules:end -->) and the rule codes of referat.yaml's
// schema (`regler:`), each from the rules' own code, severity and description.
// `--check` writes nothing and exits 1 when either differs (the tests run it that way).
import { build } from 'esbuild';
import { format, resolveConfig } from 'prettier';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const BEGIN = '<!-- rules:begin -->';
const END = '<!-- rules:end -->';

/** The rules as the server has them: server/src/rules bundled in memory and loaded. */
async function loadRules() {
  const out = await build({
    entryPoints: [join(root, 'server/src/rules/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    loader: { '.tsv': 'text', '.css': 'text' },
  });
  const module = { exports: {} };
  const load = new Function('module', 'exports', 'require', out.outputFiles[0].text);
  load(module, module.exports, createRequire(join(root, 'server/src/rules/index.ts')));
  return module.exports.RULES;
}

export function rulesTable(rules) {
  const rows = rules.map((r) => `| \`${r.code}\` | ${r.defaultOff ? 'off' : r.severity} | ${r.description.en} | ${r.description.da} |`);
  return ['| Code | Severity | What it catches | Hvad den fanger |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function withTable(readme, table) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END}`);
  return `${readme.slice(0, start + BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}

async function withRuleCodes(schemaText, rules, path) {
  const schema = JSON.parse(schemaText);
  schema.properties.regler.properties = Object.fromEntries(
    rules.map((r) => [
      r.code,
      {
        $ref: '#/definitions/severity',
        description: `${r.description.en} (${r.defaultOff ? 'off' : r.severity} unless set)`,
        markdownDescription: `${r.description.da} (${r.defaultOff ? 'off' : r.severity}, hvis intet er angivet)\n\n*${r.description.en}*`,
      },
    ]),
  );
  // As prettier writes it, so `npm run lint` and this script agree.
  return format(JSON.stringify(schema), { ...(await resolveConfig(path)), filepath: path });
}

const rules = await loadRules();
const check = process.argv.includes('--check');
const targets = [
  { file: 'README.md', make: (text) => withTable(text, rulesTable(rules)) },
  { file: 'schemas/referat.schema.json', make: (text, path) => withRuleCodes(text, rules, path) },
];
let stale = false;
for (const t of targets) {
  const path = join(root, t.file);
  const text = readFileSync(path, 'utf8');
  const made = await t.make(text, path);
  if (made === text) continue;
  if (check) {
    console.error(`${t.file} is not what the rules say of themselves: run node scripts/build/rules-table.mjs`);
    stale = true;
  } else {
    writeFileSync(path, made);
    console.log(`wrote ${t.file}`);
  }
}
process.exitCode = stale ? 1 : 0;
