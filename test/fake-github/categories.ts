import type { StoredCategory } from './model';

/** The categories GitHub creates when Discussions are enabled, in GitHub's order. */
const GITHUB_DEFAULT_CATEGORIES: readonly Omit<StoredCategory, 'id'>[] = [
  { name: 'Announcements', slug: 'announcements', emoji: ':mega:', isAnswerable: false },
  { name: 'General', slug: 'general', emoji: ':speech_balloon:', isAnswerable: false },
  { name: 'Ideas', slug: 'ideas', emoji: ':bulb:', isAnswerable: false },
  { name: 'Polls', slug: 'polls', emoji: ':bar_chart:', isAnswerable: false },
  { name: 'Q&A', slug: 'q-a', emoji: ':pray:', isAnswerable: true },
  { name: 'Show and tell', slug: 'show-and-tell', emoji: ':raised_hands:', isAnswerable: false },
];

export const FALLBACK_CATEGORY_SLUG = 'general';

export interface CategoryInput {
  id?: string | undefined;
  name: string;
  slug?: string | undefined;
  isAnswerable?: boolean | undefined;
  emoji?: string | undefined;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A repository's categories: GitHub's defaults, with those the data names replacing the default of the
 * same slug and new ones appended. Discussions without a category land in General.
 */
export class CategoryRegistry {
  private readonly bySlug = new Map<string, StoredCategory>();
  private readonly definedByData = new Set<string>();

  constructor(private readonly idPrefix: string) {
    for (const category of GITHUB_DEFAULT_CATEGORIES) {
      this.bySlug.set(category.slug, { ...category, id: `${idPrefix}_${category.slug}` });
    }
  }

  /** The category a discussion names (the first definition of a slug wins over GitHub's default), or General. */
  resolve(input: CategoryInput | null | undefined): StoredCategory {
    if (!input) return this.bySlug.get(FALLBACK_CATEGORY_SLUG)!;
    const slug = input.slug ?? slugify(input.name);
    const known = this.bySlug.get(slug);
    if (known && this.definedByData.has(slug)) return known;
    const category: StoredCategory = {
      id: input.id ?? `${this.idPrefix}_${slug}`,
      name: input.name,
      slug,
      emoji: input.emoji ?? known?.emoji ?? ':speech_balloon:',
      isAnswerable: input.isAnswerable ?? known?.isAnswerable ?? false,
    };
    this.bySlug.set(slug, category);
    this.definedByData.add(slug);
    return category;
  }

  /** By name or slug, case-insensitively. */
  find(nameOrSlug: string): StoredCategory | undefined {
    const wanted = nameOrSlug.toLowerCase();
    return [...this.bySlug.values()].find((category) => category.slug === wanted || category.name.toLowerCase() === wanted);
  }

  all(): StoredCategory[] {
    return [...this.bySlug.values()];
  }
}
