import Foundation

/// Finds e-mail addresses.
enum EmailFinder {
    private static let pattern = CompiledRegex(
        #"(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![a-z0-9-])"#,
        caseInsensitive: true
    )

    static func find(in text: String) -> [PIIFinding] {
        // Search only around each "@" (local part ≤ 64, domain ≤ 255), not the whole message.
        var findings: [PIIFinding] = []
        var offset = 0
        let length = text.utf16.count
        for unit in text.utf16 {
            defer { offset += 1 }
            guard unit == 0x40, offset >= (findings.last.map { NSMaxRange($0.range) } ?? 0) else { continue }
            let start = max(0, offset - 64)
            let window = NSRange(location: start, length: min(length, offset + 256) - start)
            if let match = pattern.matches(in: text, range: window).first(where: { NSLocationInRange(offset, $0.range) }) {
                findings.append(PIIFinding(range: match.range, key: CompiledRegex.text(text, match.range).lowercased()))
            }
        }
        return findings
    }
}
