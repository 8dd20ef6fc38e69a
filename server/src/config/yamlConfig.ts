// What reads and writes referat.yaml's YAML (the yaml library and ajv, about half a megabyte), as
// one module loaded on first need: a folder without a referat.yaml never loads it, and the CLI and
// the language server start without it (the build makes it dist/config.js, beside them).
export { parseReferatYaml } from './referatYaml';
export { ordlisteInsertion } from './wordList';
