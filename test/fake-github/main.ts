import { parseArgs } from 'node:util';
import { RepositoryPermissionSchema, type RepositoryPermission } from '../../src/github/discussionThread';
import { integerOption, required, runCli, UsageError } from './cliArgs';
import { loadDatasetFile, startFakeGitHub } from './server';

const USAGE =
  'usage: npm run fake-github -- --data FILE [--data FILE2 ...] [--port N] [--token T] [--repo OWNER/NAME] [--viewer LOGIN] [--viewer-permission READ|TRIAGE|WRITE|MAINTAIN|ADMIN]';

/** Serves dataset files as a fake GitHub until SIGINT/SIGTERM. */
runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', multiple: true },
      port: { type: 'string' },
      token: { type: 'string' },
      repo: { type: 'string' },
      viewer: { type: 'string' },
      'viewer-permission': { type: 'string' },
    },
    strict: true,
  });
  const files = required('data', values.data);
  if (values.repo !== undefined && files.length > 1) throw new UsageError('--repo names the repository of a single --data file');
  const repositories = files.map((file) => loadDatasetFile(file, values.repo));
  const viewerPermission = permissionOption(values['viewer-permission']);
  const fake = await startFakeGitHub({
    repositories,
    port: integerOption('port', values.port, 0, 65535) ?? 0,
    ...(values.token !== undefined && { token: values.token }),
    ...(values.viewer !== undefined && { viewerLogin: values.viewer }),
    ...(viewerPermission !== undefined && { viewerPermission }),
  });
  console.log(`Fake GitHub listening on ${fake.url} (GraphQL: ${fake.url}/graphql)`);
  for (const repository of repositories) console.log(`  ${repository.nameWithOwner}: ${repository.discussions.length} discussions`);
  console.log(values.token === undefined ? '  accepts any non-empty token' : '  accepts only the given --token');
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});

function permissionOption(value: string | undefined): RepositoryPermission | undefined {
  if (value === undefined) return undefined;
  const parsed = RepositoryPermissionSchema.safeParse(value.toUpperCase());
  if (!parsed.success) throw new UsageError(`--viewer-permission must be one of ${RepositoryPermissionSchema.options.join(', ')}, got "${value}"`);
  return parsed.data;
}
