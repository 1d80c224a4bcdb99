import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asOfFor, DEFAULT_SETTINGS, parseSettings, settingsFor } from '../../../src/settings/schema';

describe('communityPulse settings', () => {
  it('uses the defaults for settings that are not set', () => {
    assert.deepEqual(parseSettings({}), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('accepts valid values, trimming the API URL and parsing the repository', () => {
    const { settings, problems } = parseSettings({
      apiUrl: 'https://ghe.example.com/api/v3/',
      repository: ' payloadcms/payload ',
      maintainers: ['alice'],
      staleDays: 3,
      autoSyncMinutes: 0,
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.apiUrl, 'https://ghe.example.com/api/v3');
    assert.deepEqual(settings.repository, { owner: 'payloadcms', name: 'payload' });
    assert.deepEqual(settings.maintainers, ['alice']);
    assert.equal(settings.staleDays, 3);
    assert.equal(settings.autoSyncMinutes, 0);
  });

  it('treats an empty repository as "detect from git remotes"', () => {
    assert.equal(parseSettings({ repository: '' }).settings.repository, null);
  });

  it('falls back to the default for each bad value, naming the setting', () => {
    const { settings, problems } = parseSettings({
      staleDays: 'seven',
      repository: 'not a repo',
      apiUrl: 'ftp://example.com',
      ignoreUsers: ['ok', ''],
      responseTargetHours: 12,
    });
    assert.equal(settings.staleDays, 7);
    assert.equal(settings.repository, null);
    assert.equal(settings.apiUrl, 'https://api.github.com');
    assert.deepEqual(settings.ignoreUsers, []);
    assert.equal(settings.responseTargetHours, 12, 'a valid setting still applies next to bad ones');
    assert.equal(problems.length, 4);
    assert.match(
      problems.find((p) => p.includes('staleDays'))!,
      /^Setting communityPulse\.staleDays is invalid .*got "seven".*default 7/,
    );
    assert.match(
      problems.find((p) => p.includes('.repository'))!,
      /expected owner\/name/,
    );
    assert.match(
      problems.find((p) => p.includes('.apiUrl'))!,
      /http\(s\) URL/,
    );
  });

  it('rejects fractional and negative numbers where they make no sense', () => {
    const { problems } = parseSettings({ staleDays: 1.5, autoSyncMinutes: -1, responseTargetHours: 0 });
    assert.deepEqual(
      problems.map((p) => /communityPulse\.(\w+)/.exec(p)![1]),
      ['staleDays', 'responseTargetHours', 'autoSyncMinutes'],
    );
  });

  it('reads communityPulse.asOf as a moment in UTC, and empty as now', () => {
    const asOf = (value: string) => parseSettings({ asOf: value });
    assert.equal(asOf('').settings.asOf, null);
    assert.equal(asOf('2023-03-31').settings.asOf, Date.UTC(2023, 2, 31));
    assert.equal(asOf(' 2023-03-31T12:30 ').settings.asOf, Date.UTC(2023, 2, 31, 12, 30), 'no zone: UTC, the same on every machine');
    assert.equal(asOf('2023-03-31T12:00:00+02:00').settings.asOf, Date.UTC(2023, 2, 31, 10));
    assert.equal(asOf('2023-03-31T00:00:00Z').settings.asOf, Date.UTC(2023, 2, 31));
    for (const bad of ['last quarter', '2023-02-30', '31/03/2023']) {
      const { settings, problems } = asOf(bad);
      assert.equal(settings.asOf, null, `${bad} falls back to now`);
      assert.match(problems[0] ?? '', /^Setting communityPulse\.asOf is invalid \(expected an ISO date such as 2023-03-31.*using the default "" instead\.$/);
    }
  });

  it('reads communityPulse.asOf as moments by owner/name, and resolves each repository to its own (names in any case)', () => {
    const { settings, problems } = parseSettings({
      asOf: { 'PayloadCMS/payload': '2023-03-31', 'acme/widgets': '2024-01-02T08:00:00+01:00', 'acme/cleared': '' },
    });
    assert.deepEqual(problems, []);
    const payload = { owner: 'payloadcms', name: 'Payload' };
    assert.equal(asOfFor(settings.asOf, payload), Date.UTC(2023, 2, 31), 'the key and the repository differ only in case');
    assert.equal(asOfFor(settings.asOf, { owner: 'acme', name: 'widgets' }), Date.UTC(2024, 0, 2, 7));
    assert.equal(asOfFor(settings.asOf, { owner: 'acme', name: 'cleared' }), null, 'an empty moment: now');
    assert.equal(asOfFor(settings.asOf, { owner: 'community-pulse-demo', name: 'synthetic-community' }), null, 'a repository not named: now');
    assert.equal(asOfFor(settings.asOf, null), null, 'no repository yet: now');

    const forPayload = settingsFor(settings, payload);
    assert.equal(forPayload.asOf, Date.UTC(2023, 2, 31), 'the views see a plain moment');
    assert.deepEqual({ ...forPayload, asOf: DEFAULT_SETTINGS.asOf }, DEFAULT_SETTINGS, 'nothing else changes');
  });

  it('applies a single communityPulse.asOf moment to every repository', () => {
    const { settings } = parseSettings({ asOf: '2023-03-31' });
    assert.equal(settingsFor(settings, { owner: 'a', name: 'b' }).asOf, Date.UTC(2023, 2, 31));
    assert.equal(settingsFor(settings, { owner: 'c', name: 'd' }).asOf, Date.UTC(2023, 2, 31));
    assert.equal(settingsFor(settings, null).asOf, Date.UTC(2023, 2, 31));
    assert.equal(settingsFor(parseSettings({}).settings, { owner: 'a', name: 'b' }).asOf, null);
  });

  it('names every bad entry of communityPulse.asOf by repository and falls back to now', () => {
    const { settings, problems } = parseSettings({
      asOf: { 'payloadcms/payload': '2023-03-31', payload: '2023-03-31', 'acme/widgets': 'yesterday', 'acme/x': 3, 'Acme/Widgets': '2023-01-01' },
    });
    assert.equal(settings.asOf, null);
    assert.equal(problems.length, 1);
    const problem = problems[0]!;
    assert.match(
      problem,
      /^Setting communityPulse\.asOf is invalid \(expected an ISO date such as 2023-03-31 .* for each owner\/name: .*using the default "" instead\.$/,
    );
    const mistakes = /for each owner\/name: (.*); got \{/.exec(problem)![1]!.split('; ');
    assert.deepEqual(mistakes, [
      '"payload" is not owner/name',
      '"acme/widgets": "yesterday" is not such a moment',
      '"acme/x": 3 is not such a moment',
      '"Acme/Widgets" is named twice (names are compared case-insensitively)',
    ]);
    for (const bad of [['2023-03-31'], 20230331, true]) {
      assert.match(
        parseSettings({ asOf: bad }).problems[0] ?? '',
        /communityPulse\.asOf is invalid \(expected an ISO date .*, an object of such moments by owner\/name, or empty for now/,
      );
    }
  });

  it('takes the default time window from communityPulse.defaultWindow', () => {
    assert.equal(parseSettings({}).settings.defaultWindow, '90');
    assert.equal(parseSettings({ defaultWindow: 'all' }).settings.defaultWindow, 'all');
    const { settings, problems } = parseSettings({ defaultWindow: '7' });
    assert.equal(settings.defaultWindow, '90');
    assert.match(problems[0] ?? '', /communityPulse\.defaultWindow is invalid \(expected one of "30", "90", "180", "365", "all"/);
  });
});

describe('Leader settings', () => {
  it('complete a partial object with the engine defaults and name a mistyped key', () => {
    const { settings, problems } = parseSettings({ leaderThresholds: { minResponses: 3 }, leaderScoreWeights: { upvotes: 2 } });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.leaderThresholds, { minResponses: 3, minPeopleHelped: 5, minActiveWeeks: 4, recentDays: 30 });
    assert.equal(settings.leaderScoreWeights.upvotes, 2);
    assert.equal(settings.leaderScoreWeights.acceptedAnswers, 3);

    const typo = parseSettings({ leaderThresholds: { minResponse: 3 } });
    assert.deepEqual(typo.settings.leaderThresholds, DEFAULT_SETTINGS.leaderThresholds);
    assert.match(typo.problems[0]!, /communityPulse\.leaderThresholds is invalid .*minResponse/);
  });
});

interface PackageJson {
  contributes: { configuration: { properties: Record<string, { default: unknown; properties: unknown }> } };
}

describe('Category advice settings', () => {
  it('complete a partial communityPulse.categoryAdvice with the engine defaults', () => {
    const { settings, problems } = parseSettings({ categoryAdvice: { overDunbarParticipants: 100 } });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.categoryAdvice, { overDunbarParticipants: 100, thinKnowSomeoneRate: 0.5, thinDiscussions: 10 });
    assert.deepEqual(parseSettings({}).settings.categoryAdvice, { overDunbarParticipants: 150, thinKnowSomeoneRate: 0.5, thinDiscussions: 10 });
    const edges = parseSettings({ categoryAdvice: { overDunbarParticipants: 1, thinKnowSomeoneRate: 1, thinDiscussions: 0 } });
    assert.deepEqual(edges.problems, []);
    assert.deepEqual(edges.settings.categoryAdvice, { overDunbarParticipants: 1, thinKnowSomeoneRate: 1, thinDiscussions: 0 });
    // The Settings UI offers the same defaults and limits.
    const { properties } = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as PackageJson).contributes.configuration;
    const declared = properties['communityPulse.categoryAdvice']!;
    assert.deepEqual(declared.default, DEFAULT_SETTINGS.categoryAdvice);
    assert.deepEqual(declared.properties, {
      overDunbarParticipants: { type: 'integer', minimum: 1 },
      thinKnowSomeoneRate: { type: 'number', minimum: 0, maximum: 1 },
      thinDiscussions: { type: 'integer', minimum: 0 },
    });
  });

  it('falls back to the defaults for a bad value, naming the setting, the key and what it expects', () => {
    const cases: [unknown, RegExp][] = [
      [{ thinKnowSomeoneRate: 50 }, /thinKnowSomeoneRate: expected a share from 0 to 1, such as 0\.5/],
      [{ thinKnowSomeoneRate: -0.1 }, /thinKnowSomeoneRate: expected a share from 0 to 1/],
      [{ overDunbarParticipants: 0 }, /overDunbarParticipants: expected at least 1 participant/],
      [{ overDunbarParticipants: 150.5 }, /overDunbarParticipants: expected a whole number/],
      [{ thinDiscussions: -1 }, /thinDiscussions: expected 0 or more discussions/],
      [{ thinDiscussion: 5 }, /thinDiscussion/],
      ['150', /expected object/i],
    ];
    for (const [value, reason] of cases) {
      const { settings, problems } = parseSettings({ categoryAdvice: value });
      assert.deepEqual(settings.categoryAdvice, DEFAULT_SETTINGS.categoryAdvice, JSON.stringify(value));
      assert.equal(problems.length, 1, JSON.stringify(value));
      assert.match(problems[0]!, /^Setting communityPulse\.categoryAdvice is invalid \(/);
      assert.match(problems[0]!, reason);
      assert.match(problems[0]!, /using the default \{"overDunbarParticipants":150,"thinKnowSomeoneRate":0\.5,"thinDiscussions":10\} instead/);
    }
  });
});
