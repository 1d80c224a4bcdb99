import { strict as assert } from 'node:assert';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The repository's own eslint.config.mjs, run on small virtual files placed in each layer: an import against the
// grain must be reported, and a legal one must not. Type information is switched off (the layer rules need none,
// and building the program would take the whole project's type-check).
const repoRoot = path.resolve(__dirname, '../../..');
const LAYER_RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'import-x/no-restricted-paths', 'no-restricted-syntax']);

let eslint: ESLint;

/** The layer rules that `code`, placed at `file` (relative to the repository), breaks (each named once). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  assert.ok(result, `no lint result for ${file}`);
  const fatal = result.messages.filter((message) => message.fatal);
  assert.deepEqual(fatal, [], `${file} did not parse`);
  const broken = result.messages.flatMap((message) => (message.ruleId !== null && LAYER_RULES.has(message.ruleId) ? [message.ruleId] : []));
  return [...new Set(broken)];
}

describe('eslint.config.mjs keeps the layers of docs/architecture.md', function () {
  this.timeout(30_000);

  before(() => {
    eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });
  });

  it('reports vscode imported by a pure folder or the webview', async () => {
    assert.deepEqual(await layerErrors('src/community/x.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"), ['no-restricted-imports']);
    assert.deepEqual(await layerErrors('webview/sections/x.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"), ['no-restricted-imports']);
  });

  it('reports a view importing a command, the dashboard or the composition root', async () => {
    assert.deepEqual(await layerErrors('src/views/x.ts', "export * from '../commands/registry';\n"), ['import-x/no-restricted-paths']);
    assert.deepEqual(await layerErrors('src/views/x.ts', "export * from '../dashboard/dashboardPanel';\n"), ['import-x/no-restricted-paths']);
    assert.deepEqual(await layerErrors('src/commands/x.ts', "export * from '../extension';\n"), ['import-x/no-restricted-paths']);
  });

  it('reports a lower layer importing a higher one', async () => {
    assert.deepEqual(await layerErrors('src/shared/x.ts', "export * from '../community/model';\n"), ['import-x/no-restricted-paths']);
    assert.deepEqual(await layerErrors('src/github/x.ts', "export * from '../store/snapshotStore';\n"), ['import-x/no-restricted-paths']);
    assert.deepEqual(await layerErrors('src/controller/x.ts', "export * from '../views/healthView';\n"), ['import-x/no-restricted-paths']);
  });

  it('reports the webview importing view models or the domain, and lets it import the protocol and shared', async () => {
    assert.deepEqual(await layerErrors('webview/sections/x.ts', "export * from '../../src/viewModels/health';\n"), ['import-x/no-restricted-paths']);
    assert.deepEqual(await layerErrors('webview/sections/x.ts', "export type * from '../../src/community/reportSchema';\n"), ['import-x/no-restricted-paths']);
    assert.deepEqual(
      await layerErrors('webview/sections/x.ts', "export * from '../../src/dashboard/protocol';\nexport * from '../../src/shared/format';\n"),
      [],
    );
  });

  it('lets src/community use the GitHub schemas for their types only', async () => {
    assert.deepEqual(await layerErrors('src/community/x.ts', "export type { DiscussionNode } from '../github/schemas';\n"), []);
    assert.deepEqual(await layerErrors('src/community/x.ts', "export { ActorSchema } from '../github/schemas';\n"), [
      '@typescript-eslint/no-restricted-imports',
    ]);
  });

  it('lets each layer import what the table allows', async () => {
    const legal =
      "import * as vscode from 'vscode';\nexport const v = vscode;\nexport * from '../controller/pulseController';\nexport * from '../viewModels/health';\nexport * from '../settings/readSettings';\n";
    assert.deepEqual(await layerErrors('src/views/x.ts', legal), []);
    assert.deepEqual(await layerErrors('src/cli/x.ts', "export * from '../sync/syncRepository';\nexport * from '../report/markdown';\n"), []);
  });

  it('reports a contributed command or view id typed out, but not a setting named in prose', async () => {
    assert.deepEqual(await layerErrors('src/views/x.ts', "export const id = 'communityPulse.refresh';\n"), ['no-restricted-syntax']);
    assert.deepEqual(await layerErrors('src/views/x.ts', 'export const id = `communityPulse.needsResponse.focus`;\n'), ['no-restricted-syntax']);
    assert.deepEqual(await layerErrors('src/views/x.ts', "export const text = 'Clear the communityPulse.asOf setting.';\n"), []);
    assert.deepEqual(await layerErrors('src/shared/contributionIds.ts', "export const id = 'communityPulse.refresh';\n"), []);
  });
});
