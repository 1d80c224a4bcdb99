import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { DEFAULT_SETTINGS, type PulseSettings } from '../../../src/settings/schema';
import { readDiscussionsFile } from '../../../src/store/inputFile';
import { analyze } from '../../../src/viewModels/analysis';
import { independentLeaders } from '../../support/metricsLeaders';

describe('The views follow the metric settings', () => {
  const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'payload-discussions.json');
  const UNTIL = Date.parse('2023-03-31T00:00:00Z');
  async function leaders(settings: PulseSettings): Promise<{ login: string; score: number }[]> {
    const file = await readDiscussionsFile(FIXTURE);
    const community = normalizeCommunity('payloadcms/payload', file.discussions);
    const input = { repository: community.repository, community, people: classifyPeople(community), settings, lastSyncAt: null };
    return analyze(input, 'all', UNTIL).report.leaders.map(({ login, score }) => ({ login, score }));
  }
  /** The docs' leader rule over all history (from the first discussion), recomputed from the raw file. */
  async function expectedLeaders(recentDays?: number): Promise<{ login: string; score: number }[]> {
    const { discussions } = await readDiscussionsFile(FIXTURE);
    const since = Math.min(...discussions.map((d) => Date.parse(d.createdAt)));
    return independentLeaders(discussions, { since, until: UNTIL }, { recentDays }).map(({ login, score }) => ({ login, score }));
  }

  it('uses communityPulse.leaderThresholds and communityPulse.leaderScoreWeights', async () => {
    const byDefault = await leaders(DEFAULT_SETTINGS);
    assert.deepEqual(byDefault, await expectedLeaders());

    const lenient = await leaders({ ...DEFAULT_SETTINGS, leaderThresholds: { ...DEFAULT_SETTINGS.leaderThresholds, recentDays: 400 } });
    assert.deepEqual(lenient, await expectedLeaders(400));
    assert.deepEqual(
      lenient.map((leader) => leader.login),
      ['jmikrut', 'DanRibbens', 'denolfe', 'jacobsfletch', 'JarrodMFlesch', 'JessChowdhury'],
      'a longer recent period admits people who answered earlier',
    );

    const weights = DEFAULT_SETTINGS.leaderScoreWeights;
    const doubled = {
      responses: weights.responses * 2,
      acceptedAnswers: weights.acceptedAnswers * 2,
      peopleHelped: weights.peopleHelped * 2,
      firstResponses: weights.firstResponses * 2,
      activeWeeks: weights.activeWeeks * 2,
      upvotes: weights.upvotes * 2,
    };
    const reweighted = await leaders({ ...DEFAULT_SETTINGS, leaderScoreWeights: doubled });
    assert.deepEqual(
      reweighted.map((leader) => leader.score),
      byDefault.map((leader) => leader.score * 2),
    );
  });

  it('uses communityPulse.categoryAdvice', async () => {
    const { discussions } = await readDiscussionsFile(FIXTURE);
    // Over all history the one category (Q&A) has every person of the sample (a deleted account counts once, as ghost).
    const everyone = new Set(
      discussions.flatMap((d) =>
        [d, ...(d.comments?.nodes ?? []), ...(d.comments?.nodes ?? []).flatMap((c) => c.replies?.nodes ?? [])].map((post) => post.author?.login ?? 'ghost'),
      ),
    );
    const community = normalizeCommunity('payloadcms/payload', discussions);
    const advice = (categoryAdvice: PulseSettings['categoryAdvice']) => {
      const input = {
        repository: community.repository,
        community,
        people: classifyPeople(community),
        settings: { ...DEFAULT_SETTINGS, categoryAdvice },
        lastSyncAt: null,
      };
      return analyze(input, 'all', UNTIL).report.categories.map((category) => [category.name, category.participants, category.advice]);
    };
    assert.ok(everyone.size > 150, `${everyone.size} people`);
    assert.deepEqual(advice(DEFAULT_SETTINGS.categoryAdvice), [['Q&A', everyone.size, ['overDunbar']]]);
    assert.deepEqual(advice({ ...DEFAULT_SETTINGS.categoryAdvice, overDunbarParticipants: everyone.size }), [['Q&A', everyone.size, []]]);
    // 241 discussions: fewer than 242, and not everyone knows someone.
    assert.equal(discussions.length, 241);
    assert.deepEqual(advice({ overDunbarParticipants: everyone.size, thinDiscussions: 242, thinKnowSomeoneRate: 1 }), [['Q&A', everyone.size, ['thin']]]);
  });
});
