import Foundation

/// What kind of value a question asks for, read from its wording.
enum QuestionType {
    case duration
    case amount

    static let asksDuration = CompiledRegex(
        #"\bhow (long|many (days|weeks|months|hours|minutes|years))\b|\bhow soon\b|\bdeadline\b"#, caseInsensitive: true)
    static let asksAmount = CompiledRegex(#"\bhow much\b|\bcost\b|\bprice\b|\bfee\b|\bcharge\b"#, caseInsensitive: true)
    static let statesDuration = CompiledRegex(
        #"\b\d+(-\d+)?[ -](business |calendar |working )?(minute|hour|day|week|month|year)s?\b"#, caseInsensitive: true)
    static let statesAmount = CompiledRegex(#"\$\d|\bfree\b"#, caseInsensitive: true)

    static func of(_ question: String) -> QuestionType? {
        if asksDuration.isMatch(question) { return .duration }
        if asksAmount.isMatch(question) { return .amount }
        return nil
    }

    func isAnswered(by sentence: String) -> Bool {
        switch self {
        case .duration: Self.statesDuration.isMatch(sentence)
        case .amount: Self.statesAmount.isMatch(sentence)
        }
    }
}
