import { integerBetween, pick, type Random } from './random';
import type { Topic } from './topics';

/**
 * Building blocks of the synthetic bodies: fenced code (config, stack traces, package.json, usage), tables,
 * screenshots, links. Plain ASCII only: V8 stores such strings at one byte a character, and the benchmarks hold
 * hundreds of thousands of bodies.
 */

export function version(random: Random): string {
  return `3.${integerBetween(random, 0, 12)}.${integerBetween(random, 0, 20)}`;
}

/** The library a repository publishes: its name. */
export function libraryOf(repository: string): string {
  return repository.slice(repository.indexOf('/') + 1).toLowerCase();
}

export function withLibrary(text: string, library: string): string {
  return text.replaceAll('{lib}', library);
}

export function fence(language: 'ts' | 'js' | 'json' | 'shell', lines: readonly string[]): string {
  return `\`\`\`${language}\n${lines.join('\n')}\n\`\`\``;
}

/** `a.b.c: value` as the nested object literal a config file has. */
function nestedOption(option: string, value: string): string[] {
  const keys = option.split('.');
  const lines: string[] = [];
  keys.forEach((key, depth) => lines.push(`${'  '.repeat(depth + 1)}${key}: ${depth === keys.length - 1 ? `${value},` : '{'}`));
  for (let depth = keys.length - 2; depth >= 0; depth -= 1) lines.push(`${'  '.repeat(depth + 1)}},`);
  return lines;
}

/** The config file with the topic's option; `value` defaults to the one that works. */
export function configBlock(topic: Topic, library: string, value = topic.value): string {
  return fence('ts', [`import { defineConfig } from '${library}';`, '', 'export default defineConfig({', ...nestedOption(topic.option, value), '});']);
}

export function stackTraceBlock(random: Random, topic: Topic, library: string): string {
  const frame = (name: string, file: string) =>
    `    at ${name} (/app/node_modules/${library}/dist/${file}.js:${integerBetween(random, 12, 480)}:${integerBetween(random, 3, 40)})`;
  return fence('shell', [
    `$ ${withLibrary(topic.command, library)}`,
    topic.error,
    frame('loadConfig', 'config/load'),
    frame(pick(random, ['resolvePlugins', 'initHooks', 'connect', 'handleRequest']), pick(random, ['core/init', 'server/router', 'db/connect'])),
    `    at async Object.build (/app/node_modules/${library}/dist/bin/build.js:${integerBetween(random, 10, 90)}:5)`,
  ]);
}

export function packageJsonBlock(random: Random, library: string): string {
  return fence('json', [
    '{',
    '  "dependencies": {',
    `    "${library}": "^${version(random)}",`,
    `    "react": "^18.${integerBetween(random, 0, 3)}.0",`,
    `    "typescript": "^5.${integerBetween(random, 0, 6)}.${integerBetween(random, 2, 4)}"`,
    '  }',
    '}',
  ]);
}

export function usageBlock(topic: Topic, library: string): string {
  const key = topic.option.split('.').at(-1)!;
  return fence('js', [
    `const { createApp } = require('${library}');`,
    '',
    `const app = createApp({ ${key}: ${topic.value} });`,
    'app.listen(3000, () => console.log(`listening on 3000`));',
  ]);
}

export function environmentTable(random: Random, library: string): string {
  return [
    '| Package | Version |',
    '| --- | --- |',
    `| ${library} | ${version(random)} |`,
    `| node | ${pick(random, ['18.19.0', '20.11.1', '20.12.2', '22.2.0'])} |`,
    `| OS | ${pick(random, ['macOS 14.4', 'Ubuntu 22.04', 'Windows 11', 'Debian 12 (Docker)'])} |`,
  ].join('\n');
}

export function screenshot(random: Random, alt: string): string {
  const user = integerBetween(random, 1_000_000, 99_999_999);
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  return `![${alt}](https://user-images.githubusercontent.com/${user}/${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}.png)`;
}

export function docsLink(repository: string, topic: Topic): string {
  return `https://github.com/${repository}/blob/main/docs/${topic.docs}.md`;
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** The first line of a body that reads as prose, quoted (`> ...`): what a reply answers. */
export function quoteOf(body: string): string | null {
  const line = body.split('\n').find((candidate) => /^[A-Za-z@]/.test(candidate));
  if (!line) return null;
  return `> ${line.length > 140 ? `${line.slice(0, 137).trimEnd()}...` : line}`;
}
