import * as assert from 'node:assert/strict';
import type { CorePicture } from '../../../src/dashboard/protocol';
import { layoutCore, radiusFor, tieWidthFor, type Box } from '../../../webview/networkLayout';

/**
 * The core's picture layout: deterministic, inside its box, circles by ties and lines by strength. The core is
 * built here by hand: a ring of `size` people, each also tied to the first person (a hub), strengths cycling
 * 2..6, and ties descending with the index (the picture lists the best-connected first).
 */
function ringWithHub(size: number): CorePicture {
  const people = Array.from({ length: size }, (_, index) => ({
    login: `person-${index}`,
    ties: index === 0 ? size + 5 : size + 4 - index,
    strongTies: index === 0 ? size - 1 : 3,
    role: index === 0 ? ('maintainer' as const) : ('member' as const),
  }));
  const ties: CorePicture['ties'] = [];
  for (let index = 1; index < size; index++) {
    ties.push({ from: 0, to: index, strength: 2 + (index % 5) });
    if (index + 1 < size) ties.push({ from: index, to: index + 1, strength: 2 });
  }
  return { people, ties };
}

const BOX: Box = { width: 640, height: 480 };

describe('layoutCore (the dashboard’s "Who knows whom" picture)', () => {
  it('gives the same positions for the same data, every time', () => {
    const core = ringWithHub(150);
    assert.deepEqual(layoutCore(core, BOX), layoutCore(structuredClone(core), BOX));
  });

  it('places all 150 people of a full picture at finite points, each circle inside the box', () => {
    const layout = layoutCore(ringWithHub(150), BOX);
    assert.equal(layout.people.length, 150);
    for (const person of layout.people) {
      assert.ok(Number.isFinite(person.x) && Number.isFinite(person.y), `person ${person.index} at ${person.x}, ${person.y}`);
      assert.ok(person.x - person.radius >= 0 && person.x + person.radius <= BOX.width, `person ${person.index}: x ${person.x} r ${person.radius}`);
      assert.ok(person.y - person.radius >= 0 && person.y + person.radius <= BOX.height, `person ${person.index}: y ${person.y} r ${person.radius}`);
    }
  });

  it('spreads the people out rather than piling them on one point', () => {
    const layout = layoutCore(ringWithHub(150), BOX);
    const xs = layout.people.map((person) => person.x);
    const ys = layout.people.map((person) => person.y);
    // A quarter of the box at least, both ways: a readable picture, not a dot.
    assert.ok(Math.max(...xs) - Math.min(...xs) > BOX.width / 4, `spread across ${Math.max(...xs) - Math.min(...xs)} px`);
    assert.ok(Math.max(...ys) - Math.min(...ys) > BOX.height / 4, `spread down ${Math.max(...ys) - Math.min(...ys)} px`);
  });

  it('keeps a tiny core inside the box too', () => {
    const pair: CorePicture = {
      people: [
        { login: 'a', ties: 1, strongTies: 1, role: 'member' },
        { login: 'b', ties: 1, strongTies: 1, role: 'leaderCandidate' },
      ],
      ties: [{ from: 0, to: 1, strength: 2 }],
    };
    const layout = layoutCore(pair, { width: 280, height: 200 });
    for (const person of layout.people) {
      assert.ok(person.x - person.radius >= 0 && person.x + person.radius <= 280 && person.y - person.radius >= 0 && person.y + person.radius <= 200);
    }
    assert.notDeepEqual([layout.people[0]!.x, layout.people[0]!.y], [layout.people[1]!.x, layout.people[1]!.y], 'two circles, not one on the other');
  });

  it('draws a bigger circle for more ties, the best-connected the biggest', () => {
    const core = ringWithHub(20);
    const radii = layoutCore(core, BOX).people.map((person) => person.radius);
    // Ties descend with the index, so the radii must too, strictly.
    for (let index = 1; index < radii.length; index++) assert.ok(radii[index]! < radii[index - 1]!, `radius ${index}`);
    assert.ok(radiusFor(1, 40) < radiusFor(2, 40) && radiusFor(39, 40) < radiusFor(40, 40));
  });

  it('draws a wider line for a stronger tie, the thinnest at strength 2', () => {
    const layout = layoutCore(ringWithHub(20), BOX);
    const core = ringWithHub(20);
    const widthOf = (strength: number) => layout.ties[core.ties.findIndex((tie) => tie.strength === strength)]!.width;
    assert.ok(widthOf(2) < widthOf(3) && widthOf(3) < widthOf(4) && widthOf(4) < widthOf(5) && widthOf(5) < widthOf(6));
    assert.equal(tieWidthFor(2, 2), tieWidthFor(2, 10), 'strength 2 is the thinnest line whatever the strongest');
    assert.deepEqual(
      layout.ties.map((tie) => [tie.from, tie.to]),
      core.ties.map((tie) => [tie.from, tie.to]),
      'one line per strong tie, between its two people',
    );
  });
});
