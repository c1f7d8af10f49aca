import Testing
@testable import SupportCore

@Suite("Guardrails: abuse detection")
struct GuardrailsAbuseDetectorTests {
    let detector = AbuseDetector()

    @Test(arguments: [
        ("I'm going to kill you if this doesn't arrive", "threat-of-violence"),
        ("I will find the driver and hurt him", "threat-of-violence"),
        ("I know where you live", "threat-of-violence"),
        ("we will burn down your warehouse", "threat-of-violence"),
        ("go kill yourself", "threat-of-violence"),
        ("fuck you", "insult-at-person"),
        ("You stupid bitch, where is my refund", "insult-at-person"),
        ("you useless idiots", "insult-at-person"),
        ("y0u are a f*cking m0ron", "insult-at-person"),
        ("send me nudes", "sexual-harassment"),
        ("what are you wearing right now", "sexual-harassment"),
    ])
    func flagsAbuseAimedAtPeople(text: String, rule: String) {
        #expect(detector.detect(text) == rule)
    }

    @Test func flagsSlurs() {
        #expect(detector.detect("the driver was a retard") == "slur")
    }

    @Test(arguments: [
        "where is my damn package",
        "This is fucking ridiculous, three weeks and nothing",
        "What the hell is going on with my order?",
        "Your delivery service is shit",
        "bloody useless courier left it in the rain",
        "I could kill for some good customer service right now",
        "This company sucks, I want my money back",
        "I'm so pissed off, the box was crushed",
        "Don't kill yourself over it, I just want a refund",
        "The flame retardant packaging smelled weird",
        "Is the spice rack in stock?",
        "Shoot me an email when it ships",
        "The parcel was beaten up in transit",
    ])
    func letsFrustrationPass(text: String) {
        #expect(detector.detect(text) == nil)
    }
}
