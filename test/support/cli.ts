import { main, type CliIo } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `community-pulse` CLI in-process and captures what it prints. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, clock?: CliIo['clock']): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (chunk: string | Uint8Array) => ((stdout += String(chunk)), true) },
    stderr: { write: (chunk: string | Uint8Array) => ((stderr += String(chunk)), true), isTTY: false },
    env,
    signal: new AbortController().signal,
    ...(clock && { clock }),
  });
  return { code, stdout, stderr };
}
