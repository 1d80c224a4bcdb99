import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS, DASHBOARD_VIEW_TYPE, VIEW_IDS } from '../../../src/shared/contributionIds';

/**
 * The ids in code against package.json's contributions. src/commands imports `vscode`, which mocha cannot load, so
 * the registry's COMMANDS list and each factory's id are read from the source: the list in registry.ts, and in the
 * file exporting each factory the `COMMAND_IDS.<key>` it gives as its id.
 */
const ROOT = join(__dirname, '..', '..', '..');
const COMMANDS_DIR = join(ROOT, 'src', 'commands');

interface Manifest {
  readonly activationEvents: readonly string[];
  readonly contributes: {
    readonly commands: readonly { readonly command: string }[];
    readonly views: Record<string, readonly { readonly id: string }[]>;
    readonly viewsWelcome: readonly { readonly view: string; readonly contents: string }[];
    readonly menus: Record<string, readonly { readonly command: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const commandIds: readonly string[] = Object.values(COMMAND_IDS);
const viewIds: readonly string[] = Object.values(VIEW_IDS);
/** VS Code's own commands that the welcome texts link to. */
const BUILT_IN_COMMANDS = new Set(['workbench.action.openSettings']);

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/** The factory names listed in registry.ts's COMMANDS array, in order. */
function registeredFactories(): string[] {
  const source = readFileSync(join(COMMANDS_DIR, 'registry.ts'), 'utf8');
  const list = /export const COMMANDS: readonly CommandFactory\[\] = \[([^\]]*)\]/.exec(source);
  assert.ok(list, 'registry.ts exports the COMMANDS array');
  return (list[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The COMMAND_IDS key each exported factory of src/commands gives as its id (`id: COMMAND_IDS.x`, or passes to a factory builder). */
function factoryIdKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of readdirSync(COMMANDS_DIR).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(COMMANDS_DIR, file), 'utf8');
    const exports = [...source.matchAll(/export (?:function|const) (\w+Command)\b/g)];
    exports.forEach((found, index) => {
      const body = source.slice(found.index, exports[index + 1]?.index ?? source.length);
      const id = /(?:id: |listPersonCommand\()COMMAND_IDS\.(\w+)/.exec(body);
      if (found[1] && id?.[1]) keys.set(found[1], id[1]);
    });
  }
  return keys;
}

describe('command and view ids', () => {
  it('COMMAND_IDS are exactly the commands package.json contributes', () => {
    assert.deepEqual(sorted(commandIds), sorted(manifest.contributes.commands.map((entry) => entry.command)));
  });

  it('registers one factory per COMMAND_ID, each giving a different id', () => {
    const factories = registeredFactories();
    const idKeys = factoryIdKeys();
    const ids = factories.map((factory) => {
      const key = idKeys.get(factory);
      assert.ok(key, `${factory} is exported from src/commands and names its id as COMMAND_IDS.<key>`);
      assert.ok(key in COMMAND_IDS, `${factory}: COMMAND_IDS has no ${key}`);
      return COMMAND_IDS[key as keyof typeof COMMAND_IDS];
    });
    assert.equal(new Set(ids).size, ids.length, `two factories give the same id: ${ids.join(', ')}`);
    assert.deepEqual(sorted(ids), sorted(commandIds), 'every COMMAND_ID has a factory in COMMANDS');
  });

  it('VIEW_IDS are exactly the views package.json contributes, and the dashboard activates the extension when restored', () => {
    assert.deepEqual(
      sorted(viewIds),
      sorted(
        Object.values(manifest.contributes.views)
          .flat()
          .map((view) => view.id),
      ),
    );
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${DASHBOARD_VIEW_TYPE}`));
  });

  it('welcome texts and menus name only known commands and views', () => {
    for (const welcome of manifest.contributes.viewsWelcome) {
      assert.ok(viewIds.includes(welcome.view), `welcome text for unknown view ${welcome.view}`);
      for (const link of welcome.contents.matchAll(/\(command:([\w.]+)/g)) {
        const command = link[1] ?? '';
        assert.ok(commandIds.includes(command) || BUILT_IN_COMMANDS.has(command), `welcome link to unknown command ${command}`);
      }
    }
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(commandIds.includes(item.command), `${menu} names unknown command ${item.command}`);
    }
  });
});
