/// Check-digit algorithms that tell a real card number or IBAN from a look-alike.
enum PIIChecksums {
    /// The Luhn (mod 10) check used by payment card numbers; `digits` holds 0…9 values.
    static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return !digits.isEmpty && sum % 10 == 0
    }

    /// The ISO 13616 mod-97 check: move the first four characters to the end, read letters as
    /// 10…35, and the number must leave remainder 1. `iban` is compact (no spaces), any case.
    static func ibanMod97(_ iban: String) -> Bool {
        let characters = Array(iban.uppercased().utf8)
        guard (15...34).contains(characters.count) else { return false }
        guard characters[0...1].allSatisfy(isUpperLetter), characters[2...3].allSatisfy(isDigit) else { return false }
        var remainder = 0
        for byte in characters[4...] + characters[..<4] {
            if isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 48)) % 97
            } else if isUpperLetter(byte) {
                remainder = (remainder * 100 + Int(byte - 55)) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
    private static func isUpperLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) }
}
