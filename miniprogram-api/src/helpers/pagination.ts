/** The page shape every list endpoint returns (`PageOf…` in the schemas). */
export interface Page<T> {
  items: T[];
  pageNumber: number | string;
  pageSize: number | string;
  total: number | string;
}

export type FetchPage<T> = (page: number, pageSize: number) => Promise<Page<T>>;

/**
 * Infinite scroll for a list page: call `next()` from `onReachBottom`, `reset()` from `onPullDownRefresh`.
 * Concurrent `next()` calls share one request.
 */
export class Pager<T> {
  items: T[] = [];
  total: number | null = null;
  private page = 0;
  private loading: Promise<T[]> | null = null;

  constructor(private readonly fetchPage: FetchPage<T>, private readonly pageSize = 20) {}

  get hasMore(): boolean {
    return this.total === null || this.items.length < this.total;
  }

  /** Loads the next page and returns its items (empty when there is nothing more). */
  next(): Promise<T[]> {
    if (this.loading) return this.loading;
    if (!this.hasMore) return Promise.resolve([]);
    this.loading = this.fetchPage(this.page + 1, this.pageSize).then((result) => {
      this.loading = null;
      this.page++;
      this.total = Number(result.total);
      this.items = this.items.concat(result.items);
      if (result.items.length === 0) this.total = this.items.length; // the list shrank meanwhile
      return result.items;
    }, (error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  reset(): void {
    this.items = [];
    this.total = null;
    this.page = 0;
    this.loading = null;
  }
}

/** Every item of a list (for small lists: stops after `maxPages`). */
export async function fetchAll<T>(fetchPage: FetchPage<T>, pageSize = 100, maxPages = 50): Promise<T[]> {
  const pager = new Pager(fetchPage, pageSize);
  for (let i = 0; i < maxPages && pager.hasMore; i++) await pager.next();
  return pager.items;
}
