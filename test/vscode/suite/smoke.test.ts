import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'community-pulse.community-pulse';

describe('Community Pulse in VS Code', () => {
  it('is installed', () => {
    assert.ok(vscode.extensions.getExtension(extensionId), `${extensionId} is not among the installed extensions`);
  });

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
