/**
 * How many distinct people each group (a category) has, over a run of post rows starting at row
 * `first`: `groupOf[i]` is the group of row `first + i` (-1: not counted), `personOfRow[first + i]` its
 * person. Linear in time and memory: the rows are bucketed by group (a counting sort), then each
 * group's people are counted with one stamp per person.
 */
export function distinctPeoplePerGroup(groups: number, people: number, groupOf: Int32Array, personOfRow: Int32Array, first: number): Int32Array {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i]! >= 0) start[groupOf[i]! + 1]!++;
  for (let group = 0; group < groups; group++) start[group + 1]! += start[group]!;
  const members = new Int32Array(start[groups]!);
  const next = start.slice(0, groups);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i]! >= 0) members[next[groupOf[i]!]!++] = personOfRow[first + i]!;
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
