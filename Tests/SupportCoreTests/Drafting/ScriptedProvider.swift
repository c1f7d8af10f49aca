import Foundation
import Synchronization
@testable import SupportCore

/// A completion provider that plays a script per call, for pipeline tests without HTTP. (The
/// wire protocols themselves are tested against the fake provider server in SupportLLMTests.)
final class ScriptedProvider: CompletionProvider, Sendable {
    enum Step: Sendable {
        case text(String)
        case usage(TokenUsage)
        case pause(Duration)
        case fail(ProviderFailure)
    }

    /// Builds the steps of one call from the request it got (to find a passage's label).
    typealias Script = @Sendable (_ call: Int, _ request: CompletionRequest) -> [Step]

    let descriptor = ProviderDescriptor(wire: .openAI, baseURL: "scripted://", model: "scripted")
    private let script: Script
    private let state = Mutex<(calls: Int, requests: [CompletionRequest], cancelled: Int)>((0, [], 0))

    init(_ script: @escaping Script) { self.script = script }

    var requests: [CompletionRequest] { state.withLock { $0.requests } }
    var cancelled: Int { state.withLock { $0.cancelled } }

    func stream(_ request: CompletionRequest) -> AsyncThrowingStream<CompletionChunk, any Error> {
        let call = state.withLock { state -> Int in
            state.calls += 1
            state.requests.append(request)
            return state.calls
        }
        let steps = script(call, request)
        return AsyncThrowingStream { continuation in
            let task = Task {
                for step in steps {
                    switch step {
                    case .text(let text): continuation.yield(.text(text))
                    case .usage(let usage): continuation.yield(.usage(usage))
                    case .pause(let duration):
                        do { try await Task.sleep(for: duration) } catch {
                            self.state.withLock { $0.cancelled += 1 }
                            return
                        }
                    case .fail(let failure):
                        continuation.finish(throwing: failure)
                        return
                    }
                }
                continuation.yield(.finished("stop"))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The label (`P2`) the prompt gave the passage containing `snippet`.
    static func label(of snippet: String, in request: CompletionRequest) -> String {
        let data = request.system.map(\.text).joined(separator: "\n")
        let blocks = data.components(separatedBy: "<passage id=\"").dropFirst()
        for block in blocks where block.contains(snippet) {
            return String(block.prefix { $0 != "\"" })
        }
        return "P9"
    }

    /// Streams `text` in pieces of a few characters, as models do.
    static func chunks(_ text: String, size: Int = 7) -> [Step] {
        var steps: [Step] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            steps.append(.text(String(rest.prefix(size))))
            rest = rest.dropFirst(size)
        }
        return steps
    }
}

extension LLMDrafter {
    static func scripted(_ provider: ScriptedProvider) -> LLMDrafter {
        var settings = Settings()
        settings.backoff = .milliseconds(20)
        return LLMDrafter(provider: provider, prompt: try! PromptTemplate.bundled(), company: "Fernhollow", settings: settings)
    }
}
