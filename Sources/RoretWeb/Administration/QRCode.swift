/// A QR code (ISO/IEC 18004) for the authenticator app to scan: byte mode,
/// error correction level M, the smallest version 1–10 that holds the text,
/// the mask with the lowest penalty. Hand-written (after Project Nayuki's
/// reference generator) because no QR library is on this machine's package
/// list; a test decodes what it draws with zxing-cpp.
enum QRCode {
    /// Error correction codewords per block and number of blocks, level M, versions 1–10 (index 0 unused).
    private static let eccPerBlock = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    private static let blocks = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// The modules, row by row (true: dark), or nil when the text is too long for version 10.
    static func modules(_ text: String) -> [[Bool]]? {
        let bytes = Array(text.utf8)
        for version in 1...10 {
            let capacity = dataCodewords(version) * 8
            let countBits = version < 10 ? 8 : 16
            guard 4 + countBits + bytes.count * 8 <= capacity else { continue }
            var bits: [Bool] = []
            func append(_ value: Int, _ n: Int) { for i in stride(from: n - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
            append(0b0100, 4)
            append(bytes.count, countBits)
            for b in bytes { append(Int(b), 8) }
            append(0, min(4, capacity - bits.count))
            append(0, (8 - bits.count % 8) % 8)
            var data = stride(from: 0, to: bits.count, by: 8).map { i in (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[i + $1] ? 1 : 0) } }
            var pad: UInt8 = 0xEC
            while data.count < capacity / 8 {
                data.append(pad)
                pad ^= 0xEC ^ 0x11
            }
            return Matrix(version: version).drawn(with: withErrorCorrection(data, version: version))
        }
        return nil
    }

    /// The code as SVG (a 4-module quiet zone, dark modules as one path), for a page.
    static func svg(_ text: String, title: String) -> String {
        guard let m = modules(text) else { return "" }
        let size = m.count + 8
        var path = ""
        for (y, row) in m.enumerated() { for (x, dark) in row.enumerated() where dark { path += "M\(x + 4),\(y + 4)h1v1h-1z" } }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" role=\"img\" class=\"qr\" shape-rendering=\"crispEdges\"><title>\(SVG.escape(title))</title>"
            + "<rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    private static func rawModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            result -= (25 * align - 10) * align - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    private static func dataCodewords(_ version: Int) -> Int { rawModules(version) / 8 - eccPerBlock[version] * blocks[version] }

    /// The data split into blocks, each with its Reed–Solomon codewords, interleaved.
    private static func withErrorCorrection(_ data: [UInt8], version: Int) -> [UInt8] {
        let count = blocks[version], ecc = eccPerBlock[version], raw = rawModules(version) / 8
        let short = count - raw % count, shortLength = raw / count
        let divisor = reedSolomonDivisor(ecc)
        var all: [[UInt8]] = [], k = 0
        for i in 0..<count {
            let length = shortLength - ecc + (i < short ? 0 : 1)
            var block = Array(data[k..<k + length])
            k += length
            let remainder = reedSolomonRemainder(block, divisor)
            if i < short { block.append(0) }
            all.append(block + remainder)
        }
        var out: [UInt8] = []
        for i in 0..<all[0].count {
            for (j, block) in all.enumerated() where i != shortLength - ecc || j >= short { out.append(block[i]) }
        }
        return out
    }

    private static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xff)
    }

    private static func reedSolomonDivisor(_ degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    private static func reedSolomonRemainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for b in data {
            let factor = b ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }

    /// The module grid: function patterns, then the codewords, then the best mask.
    private struct Matrix {
        let version: Int
        let size: Int
        var dark: [[Bool]]
        var function: [[Bool]]

        init(version: Int) {
            self.version = version
            size = version * 4 + 17
            dark = Array(repeating: Array(repeating: false, count: size), count: size)
            function = dark
        }

        mutating func set(_ x: Int, _ y: Int, _ value: Bool) {
            dark[y][x] = value
            function[y][x] = true
        }

        func drawn(with codewords: [UInt8]) -> [[Bool]] {
            var base = self
            base.drawFunctionPatterns()
            base.drawCodewords(codewords)
            var best: (penalty: Int, grid: [[Bool]])?
            for mask in 0..<8 {
                var m = base
                m.applyMask(mask)
                m.drawFormatBits(mask)
                let p = m.penalty()
                if best == nil || p < best!.penalty { best = (p, m.dark) }
            }
            return best!.grid
        }

        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                set(6, i, i % 2 == 0)
                set(i, 6, i % 2 == 0)
            }
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 {
                        let x = cx + dx, y = cy + dy
                        guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                        let d = max(abs(dx), abs(dy))
                        set(x, y, d != 2 && d != 4)
                    }
                }
            }
            let positions = alignmentPositions()
            for (i, a) in positions.enumerated() {
                for (j, b) in positions.enumerated() {
                    let last = positions.count - 1
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    for dy in -2...2 { for dx in -2...2 { set(a + dx, b + dy, max(abs(dx), abs(dy)) != 1) } }
                }
            }
            drawFormatBits(0)
            if version >= 7 {
                var remainder = version
                for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
                let bits = version << 12 | remainder
                for i in 0..<18 {
                    let bit = (bits >> i) & 1 == 1, a = size - 11 + i % 3, b = i / 3
                    set(a, b, bit)
                    set(b, a, bit)
                }
            }
        }

        func alignmentPositions() -> [Int] {
            guard version > 1 else { return [] }
            let count = version / 7 + 2
            let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
            var result = [6]
            var position = size - 7
            while result.count < count {
                result.insert(position, at: 1)
                position -= step
            }
            return result
        }

        /// Level M (format bits 00) and the mask, with BCH error correction, in both copies; the dark module.
        mutating func drawFormatBits(_ mask: Int) {
            let data = 0 << 3 | mask
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = (data << 10 | remainder) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true)
        }

        mutating func drawCodewords(_ data: [UInt8]) {
            var i = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vertical in 0..<size {
                    for j in 0..<2 {
                        let x = right - j
                        let upward = (right + 1) & 2 == 0
                        let y = upward ? size - 1 - vertical : vertical
                        if !function[y][x] && i < data.count * 8 {
                            dark[y][x] = (data[i >> 3] >> (7 - (i & 7))) & 1 == 1
                            i += 1
                        }
                    }
                }
                right -= 2
            }
        }

        mutating func applyMask(_ mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !function[y][x] {
                    let invert = switch mask {
                    case 0: (x + y) % 2 == 0
                    case 1: y % 2 == 0
                    case 2: x % 3 == 0
                    case 3: (x + y) % 3 == 0
                    case 4: (x / 3 + y / 2) % 2 == 0
                    case 5: x * y % 2 + x * y % 3 == 0
                    case 6: (x * y % 2 + x * y % 3) % 2 == 0
                    default: ((x + y) % 2 + x * y % 3) % 2 == 0
                    }
                    if invert { dark[y][x].toggle() }
                }
            }
        }

        /// The standard's penalty: runs of five or more, 2×2 blocks, finder-like patterns, and imbalance.
        func penalty() -> Int {
            var result = 0
            func lines(_ horizontal: Bool) -> [[Bool]] { (0..<size).map { i in (0..<size).map { j in horizontal ? dark[i][j] : dark[j][i] } } }
            for line in lines(true) + lines(false) {
                var run = 1
                for k in 1..<line.count {
                    if line[k] == line[k - 1] {
                        run += 1
                        if run == 5 { result += 3 } else if run > 5 { result += 1 }
                    } else {
                        run = 1
                    }
                }
                let pattern: [Bool] = [true, false, true, true, true, false, true]
                for k in 0...(line.count - 7) where Array(line[k..<k + 7]) == pattern {
                    let before = k >= 4 && !line[(k - 4)..<k].contains(true)
                    let after = k + 11 <= line.count && !line[(k + 7)..<(k + 11)].contains(true)
                    if before || after { result += 40 }
                }
            }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) where dark[y][x] == dark[y][x + 1] && dark[y][x] == dark[y + 1][x] && dark[y][x] == dark[y + 1][x + 1] { result += 3 }
            }
            let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }, total = size * size
            let k = (abs(darkCount * 20 - total * 10) + total - 1) / total - 1
            result += max(0, k) * 10
            return result
        }
    }
}
