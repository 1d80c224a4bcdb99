import type { CursorKey, Ordering } from './connection';
import { shortHash } from './hash';
import type { StoredLabel } from './model';

/** The labels GitHub gives every new repository, with GitHub's colours and descriptions. */
const GITHUB_DEFAULT_LABELS: readonly Pick<StoredLabel, 'name' | 'color' | 'description'>[] = [
  { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
  { name: 'documentation', color: '0075ca', description: 'Improvements or additions to documentation' },
  { name: 'duplicate', color: 'cfd3d7', description: 'This issue or pull request already exists' },
  { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
  { name: 'good first issue', color: '7057ff', description: 'Good for newcomers' },
  { name: 'help wanted', color: '008672', description: 'Extra attention is needed' },
  { name: 'invalid', color: 'e4e669', description: "This doesn't seem right" },
  { name: 'question', color: 'd876e3', description: 'Further information is requested' },
  { name: 'wontfix', color: 'ffffff', description: 'This will not be worked on' },
];

/** The colour GitHub gives a label created without one. */
const UNCOLOURED = 'ededed';

export interface LabelInput {
  name: string;
  color?: string | undefined;
}

/** `labels(orderBy:)`: GitHub's `LabelOrder`. */
export interface LabelOrder {
  field: 'NAME' | 'CREATED_AT';
  direction: 'ASC' | 'DESC';
}

/**
 * A repository's labels: GitHub's defaults, then every label the imported discussions name (names are
 * case-insensitive, as on GitHub; the first colour given wins). Labels are never removed, so ids, creation
 * order and name order stay stable and cursors keep their place.
 */
export class LabelRegistry {
  private readonly byName = new Map<string, StoredLabel>();
  private nameRanks: Map<StoredLabel, number> | undefined;

  constructor(private readonly idPrefix: string) {
    for (const label of GITHUB_DEFAULT_LABELS) this.add(label.name, label.color, label.description, true);
  }

  /** The label of this name, created (uncoloured unless `color` is given) when the repository lacks it. */
  resolve(input: LabelInput): StoredLabel {
    return this.byName.get(input.name.toLowerCase()) ?? this.add(input.name, input.color ?? UNCOLOURED, null, false);
  }

  all(): StoredLabel[] {
    return [...this.byName.values()];
  }

  /** Labels whose name or description contains `query`, case-insensitively (GitHub's `labels(query:)`). */
  search(query: string | null | undefined): StoredLabel[] {
    if (!query) return this.all();
    const wanted = query.toLowerCase();
    return this.all().filter((label) => label.name.toLowerCase().includes(wanted) || (label.description?.toLowerCase().includes(wanted) ?? false));
  }

  /** Keyset ordering by creation (the default) or by name; `items` sorted by it are what a connection pages. */
  ordering(orderBy: LabelOrder | null | undefined): Ordering<StoredLabel> {
    const sign = orderBy?.direction === 'DESC' ? -1 : 1;
    const rank = orderBy?.field === 'NAME' ? (label: StoredLabel) => this.nameRank(label) : (label: StoredLabel) => label.databaseId;
    return { keyLength: 1, keyOf: (label): CursorKey => [sign * rank(label)] };
  }

  sorted(labels: readonly StoredLabel[], orderBy: LabelOrder | null | undefined): StoredLabel[] {
    const { keyOf } = this.ordering(orderBy);
    return [...labels].sort((a, b) => keyOf(a, 0)[0]! - keyOf(b, 0)[0]!);
  }

  private nameRank(label: StoredLabel): number {
    this.nameRanks ??= new Map(
      this.all()
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
        .map((sortedLabel, index) => [sortedLabel, index]),
    );
    return this.nameRanks.get(label)!;
  }

  private add(name: string, color: string, description: string | null, isDefault: boolean): StoredLabel {
    const label: StoredLabel = {
      id: `${this.idPrefix}${shortHash(name.toLowerCase())}`,
      databaseId: this.byName.size + 1,
      name,
      color: color.replace(/^#/, '').toLowerCase(),
      description,
      isDefault,
    };
    this.byName.set(name.toLowerCase(), label);
    this.nameRanks = undefined;
    return label;
  }
}
