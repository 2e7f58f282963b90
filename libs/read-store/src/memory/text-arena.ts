/** Where one document's UTF-8 JSON lies in an arena (fields of the collection's entry, no extra object). */
export interface ArenaSlot {
  chunk: number;
  offset: number;
  length: number;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Append-only UTF-8 storage for the JSON texts of one collection, in 1 MiB buffers outside the V8
 * heap: the garbage collector never walks them (a heap of millions of documents made the rebuild
 * GC-bound), and UTF-8 halves the Korean-bearing texts V8 would keep as two-byte strings. A replaced
 * document's bytes stay until the arena holds twice its live bytes; then the live texts are copied
 * into fresh chunks (amortised: each byte is copied at most once per byte written since).
 */
export class TextArena {
  private chunks: Buffer[] = [];
  private used = 0;
  private allocated = 0;
  private live = 0;

  write(slot: ArenaSlot, json: string): void {
    const length = Buffer.byteLength(json);
    const current = this.room(length);
    current.write(json, this.used);
    this.place(slot, length);
  }

  read(slot: ArenaSlot): string {
    return this.chunks[slot.chunk].toString('utf8', slot.offset, slot.offset + slot.length);
  }

  /** Whether the slot's text contains `needle` (UTF-8 bytes), without decoding it. */
  includes(slot: ArenaSlot, needle: Buffer): boolean {
    return this.chunks[slot.chunk].subarray(slot.offset, slot.offset + slot.length).includes(needle);
  }

  release(slot: ArenaSlot): void {
    this.live -= slot.length;
  }

  get wasteful(): boolean {
    return this.allocated > 2 * this.live + 4 * CHUNK_BYTES;
  }

  /** Copies every live text (the slots given are all the arena's live ones) into fresh chunks. */
  compact(slots: Iterable<ArenaSlot>): void {
    const old = this.chunks;
    this.clear();
    for (const slot of slots) {
      const current = this.room(slot.length);
      old[slot.chunk].copy(current, this.used, slot.offset, slot.offset + slot.length);
      this.place(slot, slot.length);
    }
  }

  clear(): void {
    this.chunks = [];
    this.used = 0;
    this.allocated = 0;
    this.live = 0;
  }

  private room(length: number): Buffer {
    const last = this.chunks[this.chunks.length - 1];
    if (last && this.used + length <= last.length) return last;
    const chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, length));
    this.chunks.push(chunk);
    this.allocated += chunk.length;
    this.used = 0;
    return chunk;
  }

  private place(slot: ArenaSlot, length: number): void {
    slot.chunk = this.chunks.length - 1;
    slot.offset = this.used;
    slot.length = length;
    this.used += length;
    this.live += length;
  }
}
