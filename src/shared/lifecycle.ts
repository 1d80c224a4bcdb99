/** Anything that holds a resource until disposed: VS Code's `Disposable` and our own classes alike. */
export interface Disposable {
  dispose(): void;
}

/**
 * A base for classes that own disposables (subscriptions, emitters, child objects): `register` each once, and
 * `dispose()` releases them all, newest first, exactly once. What is registered after disposal is released at once,
 * so a late subscription cannot leak. (The pattern of vscode-pull-request-github's `src/common/lifecycle.ts`.)
 */
export abstract class DisposableBase implements Disposable {
  private readonly owned: Disposable[] = [];
  private disposedValue = false;

  protected get isDisposed(): boolean {
    return this.disposedValue;
  }

  protected register<T extends Disposable>(disposable: T): T {
    if (this.disposedValue) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposedValue) return;
    this.disposedValue = true;
    for (const disposable of this.owned.splice(0).reverse()) disposable.dispose();
  }
}
