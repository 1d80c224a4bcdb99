/**
 * How many distinct people each group (a week, a category) has, from the (group, person) pairs that
 * `visit` emits, in linear time and memory: the pairs are bucketed by group (a counting sort), then
 * each group's people are counted with one stamp per person. `visit` must emit the same pairs on
 * each of its two calls.
 */
export function distinctPeoplePerGroup(
  groups: number,
  people: number,
  visit: (emit: (group: number, person: number) => void) => void,
): Int32Array {
  const start = new Int32Array(groups + 1);
  visit((group) => {
    start[group + 1]!++;
  });
  for (let group = 0; group < groups; group++) start[group + 1]! += start[group]!;
  const members = new Int32Array(start[groups]!);
  const next = start.slice(0, groups);
  visit((group, person) => {
    members[next[group]!++] = person;
  });
  const stamp = new Int32Array(people).fill(-1);
  const counts = new Int32Array(groups);
  for (let group = 0; group < groups; group++) {
    for (let index = start[group]!; index < start[group + 1]!; index++) {
      const person = members[index]!;
      if (stamp[person] !== group) {
        stamp[person] = group;
        counts[group]!++;
      }
    }
  }
  return counts;
}
