import type { RuleSettings } from '../rules/types';
import { decodeReferat } from '../workspace/decode';
import { joinPath, parentFolder, type Workspace } from '../workspace/workspace';
import type { ConfigProblem, ReferatConfig } from './referatYaml';

export interface LoadedConfig {
  /** The referat.yaml this came from. */
  readonly path: string;
  readonly config: ReferatConfig;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Which referat.yaml decides for a file: the nearest one in its folder or above, up to the
 * workspace root that holds it (or the top of the disk, for a file outside every root, as on the
 * command line). Resolved once per folder and kept until a referat.yaml changes; the language
 * server and `referat check` ask the same resolver, so they agree.
 */
export class ConfigResolver {
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly nearest = new Map<string, Promise<string | undefined>>();
  /** Folders whose referat.yaml is known by now: for the requests that cannot wait for it. */
  private readonly settled = new Map<string, LoadedConfig | undefined>();

  constructor(
    private readonly workspace: Workspace,
    private roots: readonly string[] = [],
  ) {}

  setRoots(roots: readonly string[]): void {
    this.roots = roots;
    this.changed();
  }

  /** The configuration for a referat at this path, or undefined when no referat.yaml applies. */
  async forFile(path: string): Promise<LoadedConfig | undefined> {
    const folder = parentFolder(path);
    const yaml = await this.nearestYaml(folder);
    const loaded = yaml ? await this.load(yaml) : undefined;
    this.settled.set(folder, loaded);
    return loaded;
  }

  /** The configuration for a file if it has been resolved, without waiting; undefined otherwise. */
  settledFor(path: string): LoadedConfig | undefined {
    return this.settled.get(parentFolder(path));
  }

  /** A referat.yaml's configuration; with `text`, as the editor has it now (unsaved). */
  async load(yamlPath: string, text?: string): Promise<LoadedConfig> {
    const cached = this.loaded.get(yamlPath);
    if (cached && text === undefined) return cached;
    let source = text;
    if (source === undefined) {
      try {
        const decoded = decodeReferat(await this.workspace.readFile(yamlPath));
        source = decoded.ok ? decoded.text : '';
      } catch {
        source = '';
      }
    }
    // The YAML reader is loaded with the first referat.yaml: a folder without one never needs it.
    const { parseReferatYaml } = await import('./yamlConfig');
    const { config, problems } = parseReferatYaml(source);
    const loaded = { path: yamlPath, config, problems };
    this.loaded.set(yamlPath, loaded);
    return loaded;
  }

  /** A referat.yaml appeared, changed or went away: everything is looked up again. */
  changed(): void {
    this.loaded.clear();
    this.nearest.clear();
    this.settled.clear();
  }

  private nearestYaml(folder: string): Promise<string | undefined> {
    let hit = this.nearest.get(folder);
    if (!hit) {
      hit = this.lookUp(folder);
      this.nearest.set(folder, hit);
    }
    return hit;
  }

  private async lookUp(folder: string): Promise<string | undefined> {
    const candidate = joinPath(folder, 'referat.yaml');
    if (await this.workspace.exists(candidate)) return candidate;
    const up = parentFolder(folder);
    const root = this.roots.find((r) => within(folder, r));
    // Not above the workspace root that holds the file, nor above the top of the disk.
    if (up === folder || (root !== undefined && sameFolder(folder, root)) || (root !== undefined && !within(up, root))) return undefined;
    return this.nearestYaml(up);
  }
}

const trimSlash = (p: string): string => (p.length > 1 ? p.replace(/[\\/]+$/, '') : p);
const sameFolder = (a: string, b: string): boolean => trimSlash(a) === trimSlash(b);
const within = (path: string, folder: string): boolean =>
  sameFolder(path, folder) || trimSlash(path).startsWith(`${trimSlash(folder)}/`) || trimSlash(path).startsWith(`${trimSlash(folder)}\\`);

/**
 * The severities a file is checked with: referat.yaml's `regler:` for everyone, with the
 * editor's personal `referat.rules` laid over them (editor only; the command line has none).
 */
export function ruleSettings(config: LoadedConfig | undefined, personal: RuleSettings = {}): RuleSettings {
  return { ...(config?.config.regler ?? {}), ...personal };
}
