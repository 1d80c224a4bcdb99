/** Distinct (group, person) pairs, counted per group and per person. */
export interface DistinctPairs {
  /** How many distinct people each group (a week) has. */
  readonly perGroup: Int32Array;
  /** In how many distinct groups each person is. */
  readonly perPerson: Int32Array;
}

/**
 * The distinct (group, person) pairs of post rows, from each row's group (`groupOfRow`, -1 for a row not
 * counted) and person (`personOfRow`), in linear time and memory: the rows are bucketed by group (a
 * counting sort), then each group's people are counted with one stamp per person.
 */
export function distinctPairs(groups: number, people: number, groupOfRow: Int32Array, personOfRow: Int32Array): DistinctPairs {
  const start = new Int32Array(groups + 1);
  for (let row = 0; row < groupOfRow.length; row++) if (groupOfRow[row]! >= 0) start[groupOfRow[row]! + 1]!++;
  for (let group = 0; group < groups; group++) start[group + 1]! += start[group]!;
  const members = new Int32Array(start[groups]!);
  const next = start.slice(0, groups);
  for (let row = 0; row < groupOfRow.length; row++) if (groupOfRow[row]! >= 0) members[next[groupOfRow[row]!]!++] = personOfRow[row]!;
  const stamp = new Int32Array(people).fill(-1);
  const perGroup = new Int32Array(groups);
  const perPerson = new Int32Array(people);
  for (let group = 0; group < groups; group++) {
    for (let index = start[group]!; index < start[group + 1]!; index++) {
      const person = members[index]!;
      if (stamp[person] !== group) {
        stamp[person] = group;
        perGroup[group]!++;
        perPerson[person]!++;
      }
    }
  }
  return { perGroup, perPerson };
}
