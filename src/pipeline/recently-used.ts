/**
 * A map that keeps its `capacity` most recently set entries: setting an entry makes it the most
 * recent and lets the least recent go beyond capacity. Reading does not count as use (`peek`);
 * a caller that wants a read to count sets the entry again.
 */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }
}
