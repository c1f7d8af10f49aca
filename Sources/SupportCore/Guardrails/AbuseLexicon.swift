/// Abusive language aimed at people, matched against normalised text with word boundaries.
/// Kept deliberately small. Swearing about a parcel ("where is my damn package", "this is
/// fucking ridiculous") is frustration, not abuse, and none of these rules match it: they need
/// a threat, an insult aimed at someone, a slur, or sexual harassment.
enum AbuseLexicon {
    static let rules: [GuardRule] = [
        // "I'll kill you", "we're going to burn down your warehouse", "I know where you live".
        GuardRule(
            "threat-of-violence",
            triggers: [
                "kill", "murder", "stab", "shoot", "strangle", "choke", "punch", "slap", "hurt", "beat", "torture", "hunt",
                "break", "burn", "blow", "bomb", "torch", "live", "back", "dead", "die", "dies", "killed", "raped", "shot",
                "hanged", "bullet", "slit", "hang", "kys",
            ],
            #"\b(?:i(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna|ll)|we(?:'ll| will| are going to|'re going to|'re gonna| are gonna)) (?:(?!not |never )\w+ ){0,4}?(?:kill|murder|stab|shoot|strangle|choke|punch|slap|hurt|beat up|torture|hunt down|find and hurt|break) (?:you|u|ya|him|her|them|everyone|all of you|your (?:family|kids|children|staff|driver|boss|face|legs|neck)|the (?:driver|courier|staff|agent|manager|owner|boss|ceo))\b|\b(?:i(?:'ll| will|'m going to| am going to|'m gonna)|we(?:'ll| will| are going to|'re going to|'re gonna)) (?:\w+ )?(?:burn|blow up|bomb|torch|shoot up) (?:down )?(?:your|the|their) (?:house|home|store|shop|office|offices|warehouse|depot|building|headquarters|hq)\b|\bi know where you(?: and your \w+)? live\b|\bwatch your back\b|\byou(?:'re| are) (?:dead|going to die|gonna die)\b|\b(?:hope|wish) (?:you|u|ya|they|he|she) (?:die|dies|get killed|gets killed|get raped|gets raped)\b|\b(?:deserve|deserves|ought) to (?:die|be shot|be killed|get shot|be raped|be hanged)\b|\bput a bullet in\b|\bslit (?:your|his|her|their) throat\b|(?<!don't )(?<!dont )(?<!do not )(?<!never )(?<!not )\b(?:go )?(?:kill|hang) yourself\b|\bkys\b"#
        ),
        // "fuck you", "you stupid bitch", "you idiots".
        GuardRule(
            "insult-at-person",
            triggers: [
                "fuck", "f", "fck", "fuk", "idiot*", "moron*", "imbecile*", "bitch*", "cunt*", "whore*", "slut*", "twat*",
                "prick*", "dickhead*", "asshole*", "arsehole*", "bastard*", "piece*", "scum*", "pig*", "dumbass*",
                "motherfucker*", "wanker*", "cow*", "freak*",
            ],
            #"\b(?:fuck|f\*+k|f\*ck|fck|fuk) (?:you|u|ya|off|yourself|your (?:mother|mom|mum))\b|\byou(?:'re| are|r| r)? (?:(?:a|an|such a|such an|fucking|fuckin|f\*+cking|f\*+ing|stupid|useless|worthless|pathetic|dumb|little|fat|ugly|total|complete|absolute|bloody|lazy|incompetent) ){0,3}(?:idiot|moron|imbecile|bitch|cunt|whore|slut|twat|prick|dickhead|asshole|arsehole|bastard|piece of shit|piece of crap|scum|scumbag|pig|dumbass|motherfucker|wanker|cow|freak)s?\b"#
        ),
        // Slurs against a group; a short, well-known list.
        GuardRule(
            "slur",
            triggers: [
                "nigg*", "sandnigger*", "faggot*", "fags", "retard*", "trann*", "kike*", "spic*", "wetback*", "gook*",
                "raghead*", "towelhead*", "beaner*", "pakis", "darkies", "darky", "chinks",
            ],
            #"\b(?:nigg(?:er|a|ah|az)s?|sandniggers?|faggots?|fags|retard(?:s|ed)?|trann(?:y|ies)|kikes?|spics?|wetbacks?|gooks?|ragheads?|towelheads?|beaners?|pakis|darkies|darky|chinks)\b"#
        ),
        // "send me nudes", "suck my dick", "I want to fuck you", "what are you wearing".
        GuardRule(
            "sexual-harassment",
            triggers: [
                "nudes", "nude", "naked", "tits", "boobs", "titties", "pussy", "dick", "cock", "balls", "face", "fuck",
                "bang", "screw", "rape", "molest", "grope", "sexy", "fuckable", "wearing",
            ],
            #"\b(?:send|show) (?:me )?(?:your |ur |some )?(?:nudes|nude pics?|naked pics?|tits|boobs|titties|pussy|dick|cock)\b|\b(?:suck|lick|touch|sit on) my (?:dick|cock|balls|face|tits)\b|\bi(?:'d| would|'m going to| want to| wanna|'ll| will|'m gonna) (?:fuck|bang|screw|rape|molest|grope) (?:you|u|ya|her|him)\b|\b(?:rape|molest|grope) (?:you|u|her|him|them)\b|\byou(?:'re| are) (?:so |really )?(?:sexy|fuckable)\b|\bwhat are you wearing\b"#
        ),
    ]
}
