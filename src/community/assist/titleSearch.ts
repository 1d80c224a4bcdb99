import MiniSearch from 'minisearch';
import type { Discussion } from '../model';

/**
 * Full-text search over discussion titles (docs/metrics.md "Similar discussions"): MiniSearch with common English
 * words left out, a light stemmer so `configuring` meets `configure`, prefix matching for words of four letters or
 * more and one typo allowed in words of five or more.
 */
export type TitleSearch = MiniSearch<{ readonly id: number; readonly title: string }>;

/** Common English words: they say nothing about what a title is about, so they neither match nor score. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can cannot could did do does doing done down during each else even ever every few for from further get gets getting got ' +
    'had has have having he her here hers him his how i if in into is it its itself just let like me more most much my no ' +
    'nor not now of off on once one only or other our out over own same she should so some such than that the their them ' +
    'then there these they this those through to too under until up us use used using very via want was we were what when ' +
    'where which while who whom why will with without would yet you your'
  ).split(' '),
);

/** Query words shorter than this are matched exactly only: a two- or three-letter prefix matches too much. */
const MIN_PREFIX_LENGTH = 4;
/** Query words this long or longer may differ from a title's word by one edit (a typo, a letter dropped). */
const MIN_FUZZY_LENGTH = 5;

/** A title word as it is indexed and searched: lower case, stop words dropped, a common English suffix removed. */
export function titleTerm(word: string): string | null {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (lower.length < 2 || STOP_WORDS.has(lower)) return null;
  return stem(lower);
}

/**
 * A light stemmer, the same on both sides so that only consistency matters: `retries` → `retry`, `webhooks` →
 * `webhook`, `configured` / `configuring` / `configures` / `configure` → `configur`. Short words are kept whole.
 */
function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed', 'es']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.endsWith('e')) return word.slice(0, -1);
  return word;
}

/**
 * The titles, each distinct title (compared case-insensitively, spaces trimmed) indexed once: a search then scores a
 * title once however many discussions carry it. `groups[g]` lists the discussions (indexes in `discussions`) of
 * document g; `groupOf[i]` is discussion i's document.
 */
export interface TitleIndex {
  readonly search: TitleSearch;
  readonly groups: readonly number[][];
  readonly groupOf: Int32Array;
}

export function buildTitleSearch(discussions: readonly Discussion[]): TitleIndex {
  const byTitle = new Map<string, number>();
  const groups: number[][] = [];
  const groupOf = new Int32Array(discussions.length);
  const documents: { id: number; title: string }[] = [];
  discussions.forEach((discussion, index) => {
    const key = discussion.title.trim().toLowerCase();
    let group = byTitle.get(key);
    if (group === undefined) {
      group = groups.push([]) - 1;
      byTitle.set(key, group);
      documents.push({ id: group, title: discussion.title });
    }
    groups[group]!.push(index);
    groupOf[index] = group;
  });
  const search: TitleSearch = new MiniSearch({ fields: ['title'], processTerm: titleTerm });
  search.addAll(documents);
  return { search, groups, groupOf };
}

/** The distinct search terms of a title (what a query is made of). */
export function titleTerms(title: string): string[] {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const terms = new Set<string>();
  for (const word of tokenize(title)) {
    const term = titleTerm(word);
    if (term) terms.add(term);
  }
  return [...terms];
}

export interface TitleMatch {
  /** The title's document: `TitleIndex.groups[id]` are its discussions. */
  readonly id: number;
  /** MiniSearch's BM25+ score, prefix and fuzzy matches weighted down (0.375 and 0.45 of an exact match). */
  readonly score: number;
  /** How many distinct query terms the title matched. */
  readonly matchedTerms: number;
}

/** Titles matching any of `terms`, best first. */
export function searchTitles(search: TitleSearch, terms: readonly string[]): TitleMatch[] {
  if (terms.length === 0) return [];
  const results = search.search(terms.join(' '), {
    // The terms are processed already; processing them again would stem them twice.
    processTerm: (term) => term,
    prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
    fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? 1 : false),
  });
  return results.map((result) => ({ id: result.id as number, score: result.score, matchedTerms: result.queryTerms.length }));
}
