/// Abusive language aimed at people, matched against normalised text with word boundaries.
/// Kept deliberately small. Swearing about a parcel ("where is my damn package", "this is
/// fucking ridiculous") is frustration, not abuse, and none of these rules match it: they need
/// a threat, an insult aimed at someone, a slur, or sexual harassment.
enum AbuseLexicon {
    static let rules: [GuardRule] = [
        GuardRule("threat-of-violence", [
            // "I'll kill you", "I will find the driver and hurt him" (not "I will never hurt you").
            GuardPhrase(
                ["kill", "murder", "stab", "shoot", "strangle", "choke", "punch", "slap", "hurt", "beat", "torture", "hunt", "break"],
                #"\b(?:i(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna|ll)|we(?:'ll| will| are going to|'re going to|'re gonna| are gonna)) (?:(?!not |never )\w+ ){0,4}?(?:kill|murder|stab|shoot|strangle|choke|punch|slap|hurt|beat up|torture|hunt down|break) (?:you|u|ya|him|her|them|everyone|all of you|your (?:family|kids|children|staff|driver|boss|face|legs|neck)|the (?:driver|courier|staff|agent|manager|owner|boss|ceo))\b"#
            ),
            // "we're going to burn down your warehouse".
            GuardPhrase(
                ["burn", "blow", "bomb", "torch", "shoot"],
                #"\b(?:i(?:'ll| will|'m going to| am going to|'m gonna)|we(?:'ll| will| are going to|'re going to|'re gonna)) (?:\w+ )?(?:burn|blow up|bomb|torch|shoot up) (?:down )?(?:your|the|their) (?:house|home|store|shop|office|offices|warehouse|depot|building|headquarters|hq)\b"#
            ),
            GuardPhrase(["live"], #"\bi know where you(?: and your \w+)? live\b"#),
            GuardPhrase(["back"], #"\bwatch your back\b"#),
            GuardPhrase(["dead", "die"], #"\byou(?:'re| are) (?:dead|going to die|gonna die)\b"#),
            GuardPhrase(["die", "dies", "killed", "raped"], #"\b(?:hope|wish) (?:you|u|ya|they|he|she) (?:die|dies|get killed|gets killed|get raped|gets raped)\b"#),
            GuardPhrase(["die", "shot", "killed", "raped", "hanged"], #"\b(?:deserve|deserves|ought) to (?:die|be shot|be killed|get shot|be raped|be hanged)\b"#),
            GuardPhrase(["bullet"], #"\bput a bullet in\b"#),
            GuardPhrase(["slit"], #"\bslit (?:your|his|her|their) throat\b"#),
            // "go kill yourself" (not "don't kill yourself over it").
            GuardPhrase(["kill", "hang"], #"(?<!don't )(?<!dont )(?<!do not )(?<!never )(?<!not )\b(?:go )?(?:kill|hang) yourself\b"#),
            GuardPhrase(["kys"], #"\bkys\b"#),
        ]),
        GuardRule("insult-at-person", [
            GuardPhrase(["fuck", "f", "fck", "fuk"], #"\b(?:fuck|f\*+k|f\*ck|fck|fuk) (?:you|u|ya|off|yourself|your (?:mother|mom|mum))\b"#),
            // "you stupid bitch", "you idiots" (insults need "you" before them).
            GuardPhrase(
                [
                    "idiot", "idiots", "moron", "morons", "imbecile", "imbeciles", "bitch", "bitches", "cunt", "cunts", "whore",
                    "whores", "slut", "sluts", "twat", "twats", "prick", "pricks", "dickhead", "dickheads", "asshole", "assholes",
                    "arsehole", "arseholes", "bastard", "bastards", "piece", "scum", "scums", "scumbag", "scumbags", "pig", "pigs",
                    "dumbass", "dumbasss", "motherfucker", "motherfuckers", "wanker", "wankers", "cow", "cows", "freak", "freaks",
                ],
                #"\byou(?:'re| are|r| r)? (?:(?:a|an|such a|such an|fucking|fuckin|f\*+cking|f\*+ing|stupid|useless|worthless|pathetic|dumb|little|fat|ugly|total|complete|absolute|bloody|lazy|incompetent) ){0,3}(?:idiot|moron|imbecile|bitch|cunt|whore|slut|twat|prick|dickhead|asshole|arsehole|bastard|piece of shit|piece of crap|scum|scumbag|pig|dumbass|motherfucker|wanker|cow|freak)s?\b"#
            ),
        ]),
        GuardRule("slur", [
            // Slurs against a group; a short, well-known list.
            GuardPhrase(
                [
                    "nigger", "niggers", "nigga", "niggas", "niggah", "niggahs", "niggaz", "niggazs", "sandnigger", "sandniggers",
                    "faggot", "faggots", "fags", "retard", "retards", "retarded", "tranny", "trannies", "kike", "kikes", "spic",
                    "spics", "wetback", "wetbacks", "gook", "gooks", "raghead", "ragheads", "towelhead", "towelheads", "beaner",
                    "beaners", "pakis", "darkies", "darky", "chinks",
                ],
                #"\b(?:nigg(?:er|a|ah|az)s?|sandniggers?|faggots?|fags|retard(?:s|ed)?|trann(?:y|ies)|kikes?|spics?|wetbacks?|gooks?|ragheads?|towelheads?|beaners?|pakis|darkies|darky|chinks)\b"#
            ),
        ]),
        GuardRule("sexual-harassment", [
            GuardPhrase(
                ["nudes", "nude", "naked", "tits", "boobs", "titties", "pussy", "dick", "cock"],
                #"\b(?:send|show) (?:me )?(?:your |ur |some )?(?:nudes|nude pics?|naked pics?|tits|boobs|titties|pussy|dick|cock)\b"#
            ),
            GuardPhrase(["dick", "cock", "balls", "face", "tits"], #"\b(?:suck|lick|touch|sit on) my (?:dick|cock|balls|face|tits)\b"#),
            GuardPhrase(
                ["fuck", "bang", "screw", "rape", "molest", "grope"],
                #"\bi(?:'d| would|'m going to| want to| wanna|'ll| will|'m gonna) (?:fuck|bang|screw|rape|molest|grope) (?:you|u|ya|her|him)\b|\b(?:rape|molest|grope) (?:you|u|her|him|them)\b"#
            ),
            GuardPhrase(["sexy", "fuckable"], #"\byou(?:'re| are) (?:so |really )?(?:sexy|fuckable)\b"#),
            GuardPhrase(["wearing"], #"\bwhat are you wearing\b"#),
        ]),
    ]
}
