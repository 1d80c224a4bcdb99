import type { AuthorAssociation } from '../../src/github/schemas';
import type { GeneratedActor, GeneratedComment, GeneratedDiscussion, GeneratedReply } from './generator';
import {
  bulletList,
  configBlock,
  docsLink,
  environmentTable,
  libraryOf,
  packageJsonBlock,
  quoteOf,
  screenshot,
  stackTraceBlock,
  usageBlock,
  version,
  withLibrary,
} from './markdownPieces';
import { chance, integerBetween, pick, type Random } from './random';
import type { Topic } from './topics';

export interface BodyContext {
  readonly random: Random;
  /** `owner/name`: links point into it, and its name is the library the community talks about. */
  readonly repository: string;
  readonly topic: Topic;
  /** Which of its category's title templates the discussion's title is (generator.ts `TITLES`): a question asks what its title says. */
  readonly titleIndex: number;
  /** Earlier discussions on the same topic, oldest first: what "see #N" points to. */
  readonly related: readonly number[];
}

const MAINTAINER_ASSOCIATIONS: ReadonlySet<AuthorAssociation> = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/** Writes a Markdown `body` on the discussion, each comment and each reply; deleted posts keep an empty one. */
export function writeBodies(discussion: GeneratedDiscussion, context: BodyContext): void {
  const writer = new ThreadWriter(discussion, context);
  discussion.body = writer.openingPost();
  for (const comment of discussion.comments.nodes) {
    comment.body = comment.deletedAt !== null ? '' : writer.comment(comment);
    for (const reply of comment.replies.nodes) reply.body = reply.deletedAt !== null ? '' : writer.reply(reply, comment);
  }
}

function loginOf(actor: GeneratedActor | null): string | null {
  return actor && actor.__typename === 'User' && !actor.login.endsWith('[bot]') ? actor.login : null;
}

const paragraphs = (...parts: (string | null | false)[]) => parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');

class ThreadWriter {
  private readonly random: Random;
  private readonly topic: Topic;
  private readonly library: string;
  private readonly author: string | null;
  private readonly answerable: boolean;
  /** The author's own comments so far: only the first pastes the full output again. */
  private followUps = 0;

  constructor(
    private readonly discussion: GeneratedDiscussion,
    private readonly context: BodyContext,
  ) {
    this.random = context.random;
    this.topic = context.topic;
    this.library = libraryOf(context.repository);
    this.author = loginOf(discussion.author);
    this.answerable = discussion.category.isAnswerable;
  }

  openingPost(): string {
    switch (this.discussion.category.name) {
      case 'Q&A':
        return this.question();
      case 'Ideas':
        return this.idea();
      case 'Show and tell':
        return this.showAndTell();
      case 'Announcements':
        return this.announcement();
      default:
        return this.conversationStarter();
    }
  }

  comment(comment: GeneratedComment): string {
    const login = loginOf(comment.author);
    // The marked answer reads as one whoever wrote it (the structure may pick a bot known only by its login).
    if (comment.isAnswer) return this.answer();
    if (comment.author && !login) return this.botNotice();
    if (login !== null && login === this.author) return this.authorFollowUp();
    if (this.answerable && MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation) && chance(this.random, 0.7)) return this.answer();
    return this.answerable ? this.communityHelp() : this.opinion(MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation));
  }

  reply(reply: GeneratedReply, parent: GeneratedComment): string {
    const random = this.random;
    const login = loginOf(reply.author);
    const parentLogin = loginOf(parent.author);
    if (reply.author && !login) return this.botNotice();
    if (login !== null && login === this.author) {
      return pick(random, [
        `Thanks${parentLogin ? ` @${parentLogin}` : ''}, that worked!`,
        'That fixed it, thank you!',
        `Thank you! One more question: does \`${this.topic.option}\` also apply in production builds?`,
        `Tried it, still seeing \`${this.topic.error.split(':')[0]}\`. I'll put together a minimal reproduction.`,
      ]);
    }
    const quoted = parent.body ? quoteOf(parent.body) : null;
    if (MAINTAINER_ASSOCIATIONS.has(reply.authorAssociation)) {
      return paragraphs(
        chance(random, 0.4) && quoted,
        pick(random, [
          `Good catch${parentLogin ? ` @${parentLogin}` : ''}. ${this.seeRelated('This is the same root cause as') ?? 'We will fix this in the next patch release.'}`,
          `This is fixed in v${version(random)}, please upgrade and let us know.`,
          `Correct: \`${this.topic.option}\` is read once at startup, so restart the server after changing it.`,
        ]),
      );
    }
    return paragraphs(
      chance(random, 0.3) && quoted,
      pick(random, [
        '+1, same here.',
        `${parentLogin ? `@${parentLogin} ` : ''}which version are you on?`,
        `Confirmed, upgrading to v${version(random)} fixed it for me.`,
        `Thanks, this helped me too. I also had to run \`${withLibrary(this.topic.command, this.library)}\` afterwards.`,
        `Thanks!`,
      ]),
    );
  }

  private question(): string {
    const random = this.random;
    const { thing, option } = this.topic;
    // In the order of the Q&A titles in generator.ts.
    const intros = [
      `I'm trying to configure ${thing} for our staging environment, but I can't get it to work.`,
      `Since upgrading to v${version(random)} I get errors from ${thing}.`,
      `I'm trying to run ${thing} inside Docker (\`node:20-alpine\`), but it fails at startup.`,
      `What is the recommended way to write integration tests that cover ${thing}? My tests fail as soon as they touch it.`,
      `Using ${thing} gives me an empty result, and at first nothing in the logs.`,
    ];
    return paragraphs(
      `${intros[this.context.titleIndex] ?? intros[0]!} ${pick(random, ['It worked fine on my machine.', 'The docs did not help much.', 'I feel like I am missing something simple.'])}`,
      'Here is my config:',
      configBlock(this.topic, this.library, chance(random, 0.5) ? 'undefined' : this.topic.value),
      `When I run \`${withLibrary(this.topic.command, this.library)}\` I get:`,
      stackTraceBlock(random, this.topic, this.library),
      'What I tried:',
      bulletList([
        `removing \`node_modules\` and reinstalling`,
        `setting \`${option}\` explicitly`,
        pick(random, ['downgrading to the previous minor version', 'running with `DEBUG=*`', 'following the migration guide']),
      ]),
      chance(random, 0.25) && environmentTable(random, this.library),
      chance(random, 0.2) && screenshot(random, 'Screenshot of the error'),
      chance(random, 0.3) && this.seeRelated('Possibly related to', ", but the fix there didn't help."),
      pick(random, [
        'Am I missing something obvious?',
        'Is this a bug or am I holding it wrong?',
        'What is the recommended way to do this?',
        'Any idea what could cause this?',
      ]),
    );
  }

  private idea(): string {
    const random = this.random;
    const { thing, option } = this.topic;
    return paragraphs(
      '**Problem**',
      `Today, configuring ${thing} means repeating \`${option}\` in every project, and there is no way to change it per environment.`,
      '**Proposal**',
      configBlock(this.topic, this.library, `env('${option.toUpperCase().replaceAll('.', '_')}', ${this.topic.value})`),
      '**Alternatives considered**',
      bulletList([`a plugin that patches ${thing}`, 'a wrapper around `defineConfig`', 'keeping it as is and documenting the workaround']),
      chance(random, 0.3) && this.seeRelated('This came up before in'),
      'Happy to open a PR if this sounds reasonable.',
    );
  }

  private showAndTell(): string {
    const random = this.random;
    const owner = this.author ?? 'someone';
    return paragraphs(
      `I built a small tool around ${this.topic.thing} for ${this.library}: https://github.com/${owner}/${this.library}-${this.topic.docs}-kit`,
      screenshot(random, `${this.topic.thing} dashboard`),
      'Usage:',
      usageBlock(this.topic, this.library),
      pick(random, ['Feedback welcome!', 'It is still early, issues and PRs welcome.', 'Would love to hear if this is useful to anyone.']),
    );
  }

  private announcement(): string {
    const random = this.random;
    const release = version(random);
    return paragraphs(
      `### What's changing in v${release}`,
      `We reworked ${this.topic.thing}. The highlights:`,
      bulletList([
        `\`${this.topic.option}\` now has a sensible default`,
        'faster startup on large projects',
        `clearer errors (no more \`${this.topic.error.split(':')[0]}\` without context)`,
      ]),
      '### Migration',
      configBlock(this.topic, this.library),
      `Full changelog: https://github.com/${this.context.repository}/releases/tag/v${release}`,
      this.seeRelated('Questions welcome below; the background is in'),
    );
  }

  private conversationStarter(): string {
    const random = this.random;
    return paragraphs(
      `We've been using ${this.library} with ${this.topic.thing} for about ${integerBetween(random, 2, 18)} months now, and I'm curious how others do it.`,
      bulletList([`Do you keep \`${this.topic.option}\` per environment?`, 'How do you test it in CI?', 'Anything you wish you had known earlier?']),
      chance(random, 0.4) && packageJsonBlock(random, this.library),
      'How are others handling this?',
    );
  }

  private answer(): string {
    const random = this.random;
    const mention = this.author && chance(random, 0.5) ? `@${this.author} ` : '';
    const { option, thing } = this.topic;
    return paragraphs(
      `${mention}You need to set \`${option}\` in your config; without it ${thing} falls back to the default and fails like that:`,
      configBlock(this.topic, this.library),
      pick(random, [
        `The docs explain why: ${docsLink(this.context.repository, this.topic)}`,
        `Then run \`${withLibrary(this.topic.command, this.library)}\` again.`,
        `Note the value is read at startup, so restart the dev server.`,
      ]),
      this.seeRelated('See also', ' for the same problem.'),
    );
  }

  private communityHelp(): string {
    const random = this.random;
    const kind = integerBetween(random, 0, 3);
    if (kind === 0) return `Same here on v${version(random)}, also with ${this.topic.thing}. Subscribing.`;
    if (kind === 1) return 'Could you share a minimal reproduction? A small repository or a StackBlitz would help a lot.';
    if (kind === 2)
      return `Have you tried running \`${withLibrary(this.topic.command, this.library)}\` with \`DEBUG=${this.library}:*\`? It prints which config file is loaded.`;
    return paragraphs(`Not sure this is it, but I had to pin the version in \`package.json\`:`, packageJsonBlock(random, this.library));
  }

  private opinion(byMaintainer: boolean): string {
    const random = this.random;
    if (byMaintainer) {
      return paragraphs(
        `Thanks for writing this up${this.author ? ` @${this.author}` : ''}!`,
        this.seeRelated('We discussed this in the last community call; it is tracked in') ?? 'We will discuss it in the next community call.',
      );
    }
    const quoted = this.discussion.body ? quoteOf(this.discussion.body) : null;
    return paragraphs(
      chance(random, 0.3) && quoted,
      pick(random, [
        `+1 for this. We'd use it for ${this.topic.thing} in every project.`,
        'Agreed. We do something similar:',
        'Interesting, we went the other way and kept it simple.',
      ]),
      chance(random, 0.3) && usageBlock(this.topic, this.library),
    );
  }

  private authorFollowUp(): string {
    const random = this.random;
    this.followUps += 1;
    if (this.followUps === 1 && chance(random, 0.6))
      return paragraphs(`Update: setting \`${this.topic.option}\` did not help. Here is the full output:`, stackTraceBlock(random, this.topic, this.library));
    return pick(random, ['Thanks everyone, that solved it!', 'Still stuck on this, any pointers?', 'Closing the loop: it was a caching issue on our side.']);
  }

  private botNotice(): string {
    return 'This discussion has been automatically marked as stale because it has not had recent activity. It will be closed if no further activity occurs.';
  }

  /** `{lead} #N{tail}` pointing to an earlier discussion on the same topic, or null when there is none. */
  private seeRelated(lead: string, tail = '.'): string | null {
    const { related } = this.context;
    return related.length === 0 ? null : `${lead} #${pick(this.random, related)}${tail}`;
  }
}
