import type { ScratchArrays } from './scratch';

/** A set of (person, category) pairs, a bit each, with its people and how many per category. */
export class PersonCategoryBits {
  /** Per person, 1 when in the set with any category. */
  readonly isParticipant: Int32Array;
  /** Per category, its people in the set. */
  readonly count: Int32Array;
  private readonly words: number;
  private readonly bits: Int32Array;

  /** `take`: the caller's scratch, for a set that does not outlive its computation. */
  constructor(people: number, categories: number, take?: ScratchArrays) {
    this.words = Math.ceil(categories / 32);
    this.isParticipant = take ? take.int32(people, 0) : new Int32Array(people);
    this.bits = take ? take.int32(people * this.words, 0) : new Int32Array(people * this.words);
    this.count = new Int32Array(categories);
  }

  add(person: number, category: number): void {
    const word = person * this.words + (category >>> 5);
    const bit = 1 << (category & 31);
    if ((this.bits[word]! & bit) !== 0) return;
    this.bits[word]! |= bit;
    this.count[category]!++;
    this.isParticipant[person] = 1;
  }

  has(person: number, category: number): boolean {
    return (this.bits[person * this.words + (category >>> 5)]! & (1 << (category & 31))) !== 0;
  }
}
