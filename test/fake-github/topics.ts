/**
 * What a synthetic community talks about: the parts of a fictional library, each with the details a real thread
 * about it would quote (the option that fixes it, the error people hit, the command they run, the docs page).
 * Titles name `thing`; bodies use the rest, so a thread's title, question, answer and code agree.
 */
export interface Topic {
  /** As a title says it: "How do I configure {thing}?". */
  readonly thing: string;
  /** The docs page: `docs/{docs}.md`. */
  readonly docs: string;
  /** The config option an answer points to, and the value that fixes the usual problem. */
  readonly option: string;
  readonly value: string;
  /** The error people paste, first line of the stack trace. */
  readonly error: string;
  /** A shell command a question or answer runs. */
  readonly command: string;
}

export const TOPICS: readonly Topic[] = [
  {
    thing: 'the CLI',
    docs: 'cli',
    option: 'cli.configPath',
    value: "'./config/app.config.ts'",
    error: 'Error: Cannot find config file at ./app.config.ts',
    command: 'npx {lib} build --verbose',
  },
  {
    thing: 'webhooks',
    docs: 'webhooks',
    option: 'webhooks.secret',
    value: 'process.env.WEBHOOK_SECRET',
    error: 'WebhookSignatureError: signature mismatch for delivery 8f2c1e',
    command: 'npx {lib} webhooks:test --event push',
  },
  {
    thing: 'the REST client',
    docs: 'rest-client',
    option: 'client.baseURL',
    value: "'https://api.example.com/v2'",
    error: 'FetchError: request to /api/items failed, reason: ECONNREFUSED 127.0.0.1:3000',
    command: 'curl -i http://localhost:3000/api/items',
  },
  {
    thing: 'authentication',
    docs: 'authentication',
    option: 'auth.tokenExpiration',
    value: '7200',
    error: 'AuthenticationError: jwt expired at 2024-02-11T09:14:03.000Z',
    command: 'npx {lib} auth:rotate-keys',
  },
  {
    thing: 'caching',
    docs: 'caching',
    option: 'cache.ttlSeconds',
    value: '300',
    error: 'CacheError: Redis connection lost (ECONNRESET)',
    command: 'npx {lib} cache:clear',
  },
  {
    thing: 'the config file',
    docs: 'configuration',
    option: 'typescript.outputFile',
    value: "'./src/generated-types.ts'",
    error: "TypeError: Cannot read properties of undefined (reading 'collections')",
    command: 'npx {lib} config:validate',
  },
  {
    thing: 'localization',
    docs: 'localization',
    option: 'i18n.fallbackLocale',
    value: "'en'",
    error: "LocaleError: no translations found for locale 'pt-BR'",
    command: 'npx {lib} i18n:extract',
  },
  {
    thing: 'file uploads',
    docs: 'uploads',
    option: 'upload.limits.fileSize',
    value: '10_000_000',
    error: 'PayloadTooLargeError: request entity too large (limit: 1mb)',
    command: 'curl -F "file=@./photo.jpg" http://localhost:3000/api/media',
  },
  {
    thing: 'the plugin API',
    docs: 'plugins',
    option: 'plugins',
    value: "[seoPlugin({ collections: ['pages'] })]",
    error: "PluginError: plugin 'seo' returned undefined instead of a config",
    command: 'npm ls @{lib}/plugin-seo',
  },
  {
    thing: 'migrations',
    docs: 'migrations',
    option: 'db.migrationDir',
    value: "'./src/migrations'",
    error: 'MigrationError: relation "users_sessions" already exists',
    command: 'npx {lib} migrate:status',
  },
  {
    thing: 'access control',
    docs: 'access-control',
    option: 'access.read',
    value: '({ req }) => Boolean(req.user)',
    error: 'Forbidden: You are not allowed to perform this action.',
    command: 'npx {lib} access:explain --collection posts',
  },
  {
    thing: 'the admin panel',
    docs: 'admin',
    option: 'admin.meta.titleSuffix',
    value: "'- Acme Admin'",
    error: 'Hydration failed because the initial UI does not match what was rendered on the server.',
    command: 'npx {lib} build:admin',
  },
];
