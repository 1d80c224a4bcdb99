/**
 * How many distinct people each group (a week, a category) has, from each post row's group
 * (`groupOfRow`, -1 for a row not counted) and person (`personOfRow`), in linear time and memory: the
 * rows are bucketed by group (a counting sort), then each group's people are counted with one stamp
 * per person.
 */
export function distinctPeoplePerGroup(groups: number, people: number, groupOfRow: Int32Array, personOfRow: Int32Array, rows: number): Int32Array {
  const start = new Int32Array(groups + 1);
  for (let row = 0; row < rows; row++) {
    const group = groupOfRow[row]!;
    if (group >= 0) start[group + 1]!++;
  }
  for (let group = 0; group < groups; group++) start[group + 1]! += start[group]!;
  const members = new Int32Array(start[groups]!);
  const next = start.slice(0, groups);
  for (let row = 0; row < rows; row++) {
    const group = groupOfRow[row]!;
    if (group >= 0) members[next[group]!++] = personOfRow[row]!;
  }
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
