import Foundation
import Testing
@testable import SupportCore

// The operations below take 5 s; finishing well before that proves the wait ended at the deadline.
// The bound is loose because other suites train routers on the same 2-thread cooperative pool.
struct DeadlineTests {
    struct Boom: Error {}

    @Test func fastOperationReturnsItsValue() async {
        let result = await runWithDeadline(.now + .seconds(5)) { 42 }
        guard case .value(let value) = result else { Issue.record("expected .value, got \(result)"); return }
        #expect(value == 42)
    }

    @Test func throwingOperationFails() async {
        let result = await runWithDeadline(.now + .seconds(5)) { () async throws -> Int in throw Boom() }
        guard case .failed(let error) = result else { Issue.record("expected .failed, got \(result)"); return }
        #expect(error is Boom)
    }

    @Test func returnsAtTheDeadlineWhenTheOperationIgnoresCancellation() async {
        let start = ContinuousClock.now
        let result = await runWithDeadline(.now + .milliseconds(50)) { () async -> Int in
            for _ in 0..<50 { await uncancellableSleep(.milliseconds(100)) }
            return 1
        }
        let elapsed = ContinuousClock.now - start
        guard case .timedOut = result else { Issue.record("expected .timedOut, got \(result)"); return }
        #expect(elapsed >= .milliseconds(45))
        #expect(elapsed < .seconds(3))
    }

    @Test func returnsAtTheDeadlineWhenTheOperationSwallowsCancellation() async {
        let start = ContinuousClock.now
        let result = await runWithDeadline(.now + .milliseconds(50)) { () async -> Int in
            // Swallows CancellationError and keeps going, as careless code does.
            let end = ContinuousClock.now + .seconds(5)
            while ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(20)); await uncancellableSleep(.milliseconds(20)) }
            return 1
        }
        guard case .timedOut = result else { Issue.record("expected .timedOut, got \(result)"); return }
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func pastDeadlineTimesOutAtOnce() async {
        let start = ContinuousClock.now
        let result = await runWithDeadline(.now - .seconds(1)) { () async -> Int in
            await uncancellableSleep(.seconds(5))
            return 1
        }
        guard case .timedOut = result else { Issue.record("expected .timedOut, got \(result)"); return }
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func cancellingTheCallerEndsTheWait() async {
        let start = ContinuousClock.now
        let task = Task {
            await runWithDeadline(.now + .seconds(10)) { () async -> Int in
                await uncancellableSleep(.seconds(5))
                return 1
            }
        }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        let result = await task.value
        guard case .failed(let error) = result else { Issue.record("expected .failed, got \(result)"); return }
        #expect(error is CancellationError)
        #expect(ContinuousClock.now - start < .seconds(3))
    }
}
