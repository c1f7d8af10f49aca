import Foundation

/// Multinomial logistic regression over sparse features, trained with SGD and L2 regularisation.
public struct SoftmaxRegression: Sendable {
    public struct Options: Sendable, Hashable {
        public var epochs = 12
        public var learningRate: Float = 2
        public var l2: Float = 1e-6
        public var seed: UInt64 = 7
        public init() {}
    }

    public let classCount: Int
    /// Weights laid out feature-major: the weights of feature f for every class are contiguous.
    private let weights: [Float]
    private let bias: [Float]

    public init(vectors: [SparseVector], labels: [Int], classCount: Int, featureCount: Int, options: Options = Options()) {
        precondition(vectors.count == labels.count)
        let c = classCount
        var w = [Float](repeating: 0, count: featureCount * c)
        var bias = [Float](repeating: 0, count: c)
        var scale: Float = 1  // actual weights are scale * w (lazy L2 decay)
        var order = Array(vectors.indices)
        var generator = SeededGenerator(seed: options.seed)
        var probabilities = [Float](repeating: 0, count: c)
        let totalSteps = Float(max(1, options.epochs * vectors.count))
        var step: Float = 0
        for _ in 0..<options.epochs {
            order.shuffle(using: &generator)
            for example in order {
                let lr = options.learningRate / (1 + 4 * step / totalSteps)
                step += 1
                let x = vectors[example]
                Self.logits(x, weights: w, scale: scale, bias: bias, into: &probabilities)
                Self.softmaxInPlace(&probabilities)
                probabilities[labels[example]] -= 1  // gradient of the loss w.r.t. the logits
                scale *= (1 - lr * options.l2)
                let stepOverScale = lr / scale
                for k in 0..<x.indices.count {
                    let base = Int(x.indices[k]) * c
                    let value = x.values[k] * stepOverScale
                    for j in 0..<c { w[base + j] -= value * probabilities[j] }
                }
                for j in 0..<c { bias[j] -= lr * probabilities[j] }
                if scale < 1e-4 {
                    for i in w.indices { w[i] *= scale }
                    scale = 1
                }
            }
        }
        if scale != 1 { for i in w.indices { w[i] *= scale } }
        self.classCount = c
        self.weights = w
        self.bias = bias
    }

    /// Class probabilities for one vector.
    public func probabilities(_ x: SparseVector) -> [Float] {
        var result = [Float](repeating: 0, count: classCount)
        Self.logits(x, weights: weights, scale: 1, bias: bias, into: &result)
        Self.softmaxInPlace(&result)
        return result
    }

    private static func logits(_ x: SparseVector, weights: [Float], scale: Float, bias: [Float], into out: inout [Float]) {
        let c = bias.count
        for j in 0..<c { out[j] = 0 }
        weights.withUnsafeBufferPointer { w in
            for k in 0..<x.indices.count {
                let base = Int(x.indices[k]) * c
                let value = x.values[k] * scale
                for j in 0..<c { out[j] += value * w[base + j] }
            }
        }
        for j in 0..<c { out[j] += bias[j] }
    }

    private static func softmaxInPlace(_ z: inout [Float]) {
        let maxValue = z.max() ?? 0
        var sum: Float = 0
        for j in z.indices {
            z[j] = exp(z[j] - maxValue)
            sum += z[j]
        }
        for j in z.indices { z[j] /= sum }
    }
}
