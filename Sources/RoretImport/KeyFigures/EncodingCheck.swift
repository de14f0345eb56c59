/// Finds lines that are not valid UTF-8 or hold a NUL byte.
enum EncodingCheck {
    /// Line numbers with invalid UTF-8 or NUL bytes in `bytes`, ascending;
    /// `firstLine` is the line `bytes` starts on, which must be a line's start.
    ///
    /// Eight bytes at a time while they are ASCII without NUL (almost all of
    /// an extract), and lines counted only up to a bad byte: `perf` showed the
    /// byte-by-byte check, counting every line, at 6 % of parse + validate.
    static func badLines(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) -> [Int] {
        guard let base = bytes.baseAddress else { return [] }
        var bad: [Int] = []
        let n = bytes.count
        var i = 0
        var counted = 0, line = firstLine
        func mark(_ at: Int) {
            while counted < at {
                if base[counted] == 0x0A { line += 1 }
                counted += 1
            }
            if bad.last != line { bad.append(line) }
        }
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        while i < n {
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & high == 0, (w &- ones) & ~w & high == 0 {
                    i += 8
                    continue
                }
            }
            let b = base[i]
            if b < 0x80 {
                if b == 0 { mark(i) }
                i += 1
                continue
            }
            var need = 0
            var lowest: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); lowest = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); lowest = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); lowest = 0x10000
            default: mark(i); i += 1; continue
            }
            var ok = i + need < n
            if ok {
                for k in 1...need {
                    let c = base[i + k]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
            }
            if ok, scalar >= lowest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) {
                i += need + 1
            } else {
                mark(i)
                i += 1
            }
        }
        return bad
    }
}
