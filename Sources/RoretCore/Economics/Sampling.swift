#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random draws for the forecast's simulated paths (*simulering*), from a
/// seeded `SplitMix64`, so a seed gives the same paths on every machine.
/// Binomial and Poisson draws are exact (by inversion) below a mean of 30
/// and use the normal approximation with continuity correction above it,
/// where it differs from the exact distribution by far less than the ranges
/// it feeds (docs/definitions.md 86).
struct Sampler {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// Uniform in (0, 1).
    mutating func uniform() -> Double {
        while true {
            let u = Double(rng.next() >> 11) / Double(1 << 53)
            if u > 0 { return u }
        }
    }

    /// Standard normal (Marsaglia's polar method).
    mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Gamma(shape, 1) (Marsaglia and Tsang; shape < 1 boosted by U^(1/shape)).
    mutating func gamma(_ shape: Double) -> Double {
        guard shape > 0 else { return 0 }
        if shape < 1 { return gamma(shape + 1) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Dirichlet(alphas): components with alpha 0 are 0; all zero gives all zero.
    mutating func dirichlet(_ alphas: [Double]) -> [Double] {
        var g = alphas.map { $0 > 0 ? gamma($0) : 0 }
        let sum = g.reduce(0, +)
        guard sum > 0 else { return g }
        for i in g.indices { g[i] /= sum }
        return g
    }

    /// Binomial(n, p).
    mutating func binomial(_ n: Int, _ p: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        guard p < 1 else { return n }
        if p > 0.5 { return n - binomial(n, 1 - p) }
        let mean = Double(n) * p
        if mean < 30 {
            // Inversion: walk the probabilities up from 0.
            let q = 1 - p, ratio = p / q
            var k = 0, prob = pow(q, Double(n)), cumulative = prob
            let u = uniform()
            while u > cumulative && k < n {
                prob *= ratio * Double(n - k) / Double(k + 1)
                k += 1
                cumulative += prob
            }
            return k
        }
        let x = (mean + (mean * (1 - p)).squareRoot() * normal()).rounded()
        return min(n, max(0, Int(x)))
    }

    /// Multinomial(n, probabilities), by conditional binomials.
    mutating func multinomial(_ n: Int, _ probabilities: [Double]) -> [Int] {
        var out = Array(repeating: 0, count: probabilities.count)
        var left = n, mass = 1.0
        for i in probabilities.indices {
            guard left > 0 else { break }
            if i == probabilities.count - 1 || mass <= 0 { out[i] = left; left = 0; break }
            let k = binomial(left, min(1, probabilities[i] / mass))
            out[i] = k
            left -= k
            mass -= probabilities[i]
        }
        return out
    }

    /// Poisson(mean).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 30 {
            let limit = exp(-mean)
            var k = 0, product = uniform()
            while product > limit {
                k += 1
                product *= uniform()
            }
            return k
        }
        return max(0, Int((mean + mean.squareRoot() * normal()).rounded()))
    }
}
