/// Interns person ids (*personnøgler*) by their bytes: the first distinct id
/// gets 0, the next 1, and so on, in order of first appearance.
///
/// Hand-written rather than a `Dictionary<String, Int32>`: that needs a
/// `String` per row and Swift's seeded SipHash; `perf` on the messy national
/// extract showed the dictionary's lookups and hashing at 20 % of parse +
/// validate (2.1 million rows). Open addressing with the id's first eight
/// bytes in the slot, so most ids are found or added with one memory access
/// (the table is larger than the cache, and rows come in any order; `perf
/// annotate` showed three cache misses per id when the bytes lived apart).
/// `RoretBenchmarks` compares the two ("person ids").
struct PersonKeys {
    /// One slot: the id's first eight bytes, its length and its index + 1 (0: empty).
    private struct Slot {
        var prefix: UInt64 = 0
        var length: Int32 = 0
        var entry: Int32 = 0
    }

    /// The ids' bytes, one after another.
    private(set) var arena: [UInt8] = []
    /// Per index: where its bytes start in `arena`; the last entry is the end.
    private(set) var offsets: [Int32] = [0]
    private var slots: [Slot]
    private var mask: Int

    init(expected: Int = 1024) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    /// The ids as strings, in index order.
    var strings: [String] {
        arena.withUnsafeBufferPointer { a in
            (0..<count).map { String(decoding: UnsafeBufferPointer(rebasing: a[Int(offsets[$0])..<Int(offsets[$0 + 1])]), as: UTF8.self) }
        }
    }

    /// The first eight bytes of `key`, zero-padded.
    @inline(__always) private static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let base = key.baseAddress!
        if key.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var p: UInt64 = 0
        for i in 0..<key.count { p |= UInt64(base[i]) << (8 * UInt64(i)) }
        return p
    }

    @inline(__always) private static func hash(_ key: UnsafeBufferPointer<UInt8>, prefix: UInt64) -> UInt64 {
        var h: UInt64 = prefix ^ (UInt64(key.count) << 56)
        var i = 8
        let base = key.baseAddress!
        while i < key.count {
            var word: UInt64 = 0
            let take = min(8, key.count - i)
            for k in 0..<take { word |= UInt64(base[i + k]) << (8 * UInt64(k)) }
            h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        // MurmurHash3's finaliser: every input bit reaches the slot's bits.
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    /// The index of `key`, interning it when new. `key` must not be empty.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let prefix = Self.prefix(key)
        var slot = Int(truncatingIfNeeded: Self.hash(key, prefix: prefix)) & mask
        while true {
            let s = slots[slot]
            if s.entry == 0 { break }
            if s.prefix == prefix, Int(s.length) == key.count, key.count <= 8 || restEquals(Int(s.entry - 1), key) { return s.entry - 1 }
            slot = (slot + 1) & mask
        }
        let index = Int32(count)
        arena.append(contentsOf: key)
        offsets.append(Int32(arena.count))
        slots[slot] = Slot(prefix: prefix, length: Int32(key.count), entry: index + 1)
        if count * 2 > mask { grow() }
        return index
    }

    /// Interns the ids at `starts`/`lengths` in `bytes`, in order. In one
    /// tight loop the processor looks several ids up at once; between
    /// parsing other fields it could not (`perf`: one cache miss per id).
    mutating func intern(_ bytes: UnsafePointer<UInt8>, starts: [Int], lengths: [UInt8]) -> [Int32] {
        var indices = [Int32](repeating: 0, count: starts.count)
        for i in starts.indices {
            indices[i] = intern(UnsafeBufferPointer(start: bytes + starts[i], count: Int(lengths[i])))
        }
        return indices
    }

    /// Whether id `index` has `key`'s bytes after the first eight.
    private func restEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[index])
        return arena.withUnsafeBufferPointer { a in
            for i in 8..<key.count where a[start + i] != key[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        arena.withUnsafeBufferPointer { a in
            for s in old where s.entry != 0 {
                let index = Int(s.entry - 1)
                let key = UnsafeBufferPointer(rebasing: a[Int(offsets[index])..<Int(offsets[index + 1])])
                var slot = Int(truncatingIfNeeded: Self.hash(key, prefix: s.prefix)) & mask
                while slots[slot].entry != 0 { slot = (slot + 1) & mask }
                slots[slot] = s
            }
        }
    }
}
