/// The digit groups and separators of a phone-number candidate (ASCII bytes), and the shape
/// tests the phone finder makes on them.
struct PhoneNumberShape {
    /// ASCII digits, without an international "(0)" trunk prefix.
    private(set) var digits: [UInt8] = []
    private(set) var groups: [ArraySlice<UInt8>] = []
    private(set) var separators: Set<UInt8> = []
    let international: Bool
    private let startsWithParenthesis: Bool
    private let startsWithZero: Bool

    init(_ candidate: [UInt8]) {
        // The number proper ends at an extension ("x12", "ext. 12").
        var main = candidate.prefix { !(65...90).contains($0) && !(97...122).contains($0) }
        while main.last == UInt8(ascii: " ") { main.removeLast() }
        international = main.first == UInt8(ascii: "+")
        startsWithParenthesis = main.first == UInt8(ascii: "(")
        startsWithZero = main.first == UInt8(ascii: "0")
        var index = main.startIndex
        while index < main.endIndex {
            if international && main[index...].starts(with: "(0)".utf8) {
                index += 3
            } else if (48...57).contains(main[index]) {
                let start = index
                while index < main.endIndex, (48...57).contains(main[index]) { index += 1 }
                groups.append(main[start..<index])
                digits += main[start..<index]
            } else {
                separators.insert(main[index])
                index += 1
            }
        }
    }

    /// Formats that read as a phone number without a phone word before them: "(555) 010-1234",
    /// three or more groups (not just spaced pairs like "38 40 42 44"), or a leading 0 ("07700 900123").
    var strongShape: Bool {
        let spacedPairs = separators == [UInt8(ascii: " ")] && groups.allSatisfy { $0.count <= 2 }
        return startsWithParenthesis || (groups.count >= 3 && !spacedPairs)
            || (startsWithZero && (groups.count >= 2 || (10...11).contains(digits.count)))
    }

    /// Dates, years, IP addresses, ZIP+4 codes and dotted thousands.
    var looksLikeOtherNumber: Bool {
        let lengths = groups.map(\.count)
        let dot: Set<UInt8> = [UInt8(ascii: ".")]
        if groups.count == 3 {
            if isYear(groups[0]) && lengths[1] <= 2 && lengths[2] <= 2 { return true }
            if lengths[0] <= 2 && lengths[1] <= 2 && isYear(groups[2]) { return true }
        }
        if groups.count >= 2 && groups.allSatisfy(isYear) { return true }
        if groups.count == 4 && separators == dot && lengths.allSatisfy({ $0 <= 3 }) { return true }
        if lengths == [5, 4] && separators == [UInt8(ascii: "-")] { return true }
        if separators == dot && lengths[0] <= 3 && lengths.dropFirst().allSatisfy({ $0 == 3 }) { return true }
        return false
    }

    private func isYear(_ group: ArraySlice<UInt8>) -> Bool {
        group.count == 4 && (group.starts(with: "19".utf8) || group.starts(with: "20".utf8))
    }
}
