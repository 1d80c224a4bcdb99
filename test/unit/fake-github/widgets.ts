import { DISCUSSION_THREAD_QUERY, DiscussionThreadAnswerSchema, type RepositoryPermission, type ThreadDiscussion } from '../../../src/github/discussionThread';
import { startFakeGitHub, type FakeGitHub, type FakeRepositoryInput } from '../../fake-github/server';
import { postGraphQL } from '../../fake-github/testClient';

/**
 * A small hand-made repository for the Discussion view's reads and mutations, owned by `octo`:
 * #12 (Q&A, by alice, labelled) with mona's (MEMBER) comment and alice's reply to it, and bob's comment;
 * #13 (General, closed, by bob) with carol's comment.
 */
export const WIDGETS = 'octo/widgets';

export const QUESTION_BODY = 'Hi @mona, is this like #7?\n\n```sh\nnpm run build # not @nobody\n```';

export const IDS = {
  question: 'D_widgets_12',
  monaComment: 'DC_widgets_12_1',
  aliceReply: 'DC_widgets_12_1_1',
  bobComment: 'DC_widgets_12_2',
  showcase: 'D_widgets_13',
  carolComment: 'DC_widgets_13_1',
} as const;

export function widgetsRepository(): FakeRepositoryInput {
  return {
    nameWithOwner: WIDGETS,
    discussions: [
      {
        id: IDS.question,
        number: 12,
        title: 'How do I configure the widget?',
        url: 'https://github.com/octo/widgets/discussions/12',
        createdAt: '2024-03-01T10:00:00Z',
        author: { __typename: 'User', login: 'alice' },
        category: { name: 'Q&A', slug: 'q-a', isAnswerable: true },
        body: QUESTION_BODY,
        labels: { nodes: [{ name: 'question' }, { name: 'needs triage', color: '#FBCA04' }] },
        comments: {
          nodes: [
            {
              id: IDS.monaComment,
              createdAt: '2024-03-01T11:00:00Z',
              author: { __typename: 'User', login: 'mona' },
              authorAssociation: 'MEMBER',
              body: 'Run `npm ci` first.',
              replies: {
                nodes: [{ id: IDS.aliceReply, createdAt: '2024-03-01T12:00:00Z', author: { __typename: 'User', login: 'alice' }, body: 'Thanks!' }],
              },
            },
            { id: IDS.bobComment, createdAt: '2024-03-02T09:00:00Z', author: { __typename: 'User', login: 'bob' }, body: 'Same here.' },
          ],
        },
      },
      {
        id: IDS.showcase,
        number: 13,
        title: 'Show your widgets',
        url: 'https://github.com/octo/widgets/discussions/13',
        createdAt: '2024-02-01T00:00:00Z',
        author: { __typename: 'User', login: 'bob' },
        category: { name: 'General' },
        closed: true,
        comments: {
          nodes: [
            { id: IDS.carolComment, createdAt: '2024-02-02T00:00:00Z', author: { __typename: 'User', login: 'carol' }, authorAssociation: 'CONTRIBUTOR' },
          ],
        },
      },
    ],
  };
}

export function startWidgets(viewerLogin: string, viewerPermission?: RepositoryPermission, enforceRateLimit = false): Promise<FakeGitHub> {
  return startFakeGitHub({
    repositories: [widgetsRepository()],
    viewerLogin,
    enforceRateLimit,
    ...(viewerPermission && { viewerPermission }),
  });
}

/** The Discussion view's own thread query, its answer checked against the view's schema. */
export async function readThread(fake: FakeGitHub, id: string): Promise<ThreadDiscussion> {
  const { body } = await postGraphQL(fake.url, DISCUSSION_THREAD_QUERY, { id });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const node = DiscussionThreadAnswerSchema.parse(body.data).node;
  if (!node) throw new Error(`no discussion ${id}`);
  return node;
}
