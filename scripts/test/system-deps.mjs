// Installs the Debian packages the browser, PDF and real-VS Code tests and the spelling benchmark
// need, only when missing.
// Root (CI, these machines) runs apt-get directly; elsewhere sudo is used if there is one.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/gssapi.h') },
  // pdffonts and pdftoppm check the PDF renderer's output, and the import's bench measures its PDF
  // reader against pdftotext (tests and bench only; the product needs no poppler).
  { pkg: 'poppler-utils', present: () => ['pdffonts', 'pdftoppm', 'pdftotext'].every((t) => existsSync(`/usr/bin/${t}`)) },
  // The reference of the spelling benchmark (scripts/bench/spelling-engines.mjs).
  { pkg: 'hunspell', present: () => existsSync('/usr/bin/hunspell') },
  { pkg: 'hunspell-da', present: () => existsSync('/usr/share/hunspell/da_DK.dic') },
];

/** `only` limits the check to some packages (the spelling benchmark needs no browser). */
export function ensureSystemDeps({ quiet = false, only = undefined } = {}) {
  const wanted = NEEDED.filter((n) => !only || only.includes(n.pkg));
  const missing = wanted.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return true;
  if (!existsSync('/usr/bin/apt-get')) {
    console.error(`system-deps: missing ${missing.join(', ')} and no apt-get here; install them with your package manager`);
    return false;
  }
  const root = process.getuid?.() === 0;
  const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { encoding: 'utf8' }).status === 0;
  if (!root && !hasSudo) {
    console.error(`system-deps: missing ${missing.join(', ')}; run as root: apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  const sudo = root ? '' : 'sudo ';
  if (!quiet) console.log(`system-deps: installing ${missing.join(', ')} (Debian packages)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit', env });
  return wanted.every((n) => n.present());
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  process.exit(ensureSystemDeps() ? 0 : 1);
}
