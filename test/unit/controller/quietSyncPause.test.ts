import { strict as assert } from 'node:assert';
import { QuietSyncPause } from '../../../src/controller/quietSyncPause';

/** A quiet sync's pause, with each notice it opens recorded: the messages it showed and whether it is still open. */
function recordingPause() {
  const notices: { messages: string[]; open: boolean }[] = [];
  const showing: boolean[] = [];
  const pause = new QuietSyncPause({
    open: () => {
      const notice = { messages: [] as string[], open: true };
      notices.push(notice);
      return { report: (message) => notice.messages.push(message), close: () => (notice.open = false) };
    },
    onShowing: (shown) => showing.push(shown),
  });
  return { pause, notices, showing };
}

describe('QuietSyncPause', () => {
  it('shows a background sync’s pause as one notice with Cancel that counts down, closed when the sync continues', () => {
    const { pause, notices, showing } = recordingPause();
    pause.paused('paused until 14:05, GitHub’s hourly budget is spent — 200 of 300 synced · 2 min left');
    pause.paused('paused until 14:05, GitHub’s hourly budget is spent — 200 of 300 synced · 1 min left');
    assert.deepEqual(notices, [
      {
        messages: [
          'paused until 14:05, GitHub’s hourly budget is spent — 200 of 300 synced · 2 min left',
          'paused until 14:05, GitHub’s hourly budget is spent — 200 of 300 synced · 1 min left',
        ],
        open: true,
      },
    ]);
    assert.deepEqual(showing, [true], 'the progress shown has a Cancel button');

    pause.over();
    assert.equal(notices[0]?.open, false, 'closed when the sync continues after the reset');
    assert.deepEqual(showing, [true, false]);
  });

  it('opens a new notice for a second pause, and none for a sync that never paused', () => {
    const { pause, notices, showing } = recordingPause();
    pause.over();
    assert.equal(notices.length, 0, 'a sync that never paused shows only the spinner');
    assert.deepEqual(showing, []);

    pause.paused('paused until 14:05, GitHub’s hourly budget is spent — 200 synced · 1 min left');
    pause.over();
    pause.paused('paused until 15:05, GitHub’s hourly budget is spent — 5,200 synced · 60 min left');
    pause.over();
    assert.deepEqual(
      notices.map((notice) => notice.open),
      [false, false],
    );
    assert.deepEqual(notices[1]?.messages, ['paused until 15:05, GitHub’s hourly budget is spent — 5,200 synced · 60 min left']);
    assert.deepEqual(showing, [true, false, true, false]);
  });
});
