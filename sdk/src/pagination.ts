// Lists page with cursors: a List is an async iterator over every item of every page (it asks
// for the next page only when the last one is used up), and page() fetches one page.

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  has_more: boolean;
}

export interface PageOptions {
  cursor?: string | null;
  limit?: number;
}

export class List<T> implements AsyncIterable<T> {
  constructor(private readonly fetchPage: (options: PageOptions) => Promise<Page<T>>, private readonly options: PageOptions = {}) {}

  /** One page: the first, or the one after `cursor` (a page's next_cursor). */
  page(options: PageOptions = {}): Promise<Page<T>> {
    return this.fetchPage({ ...this.options, ...options });
  }

  /** Every page in turn. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor = this.options.cursor ?? null;
    do {
      const page = await this.page({ cursor });
      yield page;
      cursor = page.next_cursor;
    } while (cursor);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Every item, up to `max` of them (all when absent). */
  async toArray(max = Infinity): Promise<T[]> {
    const out: T[] = [];
    if (max <= 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= max) break;
    }
    return out;
  }
}
