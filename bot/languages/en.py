"""English: the words people use about Pilates, as data.

The tables are data; the `Language` registered at the end is what the rest of the bot reads,
and mypy checks it is complete. To add a language, copy this file to <code>.py, write its
words and add the code to `CODES` (see README "Adding a language").
"""

from __future__ import annotations

from bot.languages import Language, QuestionKind, register

# Words that carry no meaning for matching. They still count as "explained" in a message.
STOP_WORDS: frozenset[str] = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "cant",
        "could",
        "did",
        "didnt",
        "do",
        "does",
        "doesnt",
        "doing",
        "dont",
        "down",
        "during",
        "each",
        "else",
        "for",
        "from",
        "get",
        "gets",
        "getting",
        "go",
        "going",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "id",
        "if",
        "im",
        "in",
        "into",
        "is",
        "isnt",
        "it",
        "its",
        "itll",
        "ive",
        "just",
        "let",
        "lets",
        "like",
        "me",
        "mine",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "own",
        "please",
        "pls",
        "plz",
        "she",
        "nothing",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "thats",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "via",
        "was",
        "wasnt",
        "we",
        "were",
        "what",
        "whats",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "wouldnt",
        "you",
        "your",
        "youre",
        "yours",
        "yourself",
        "u",
        "ur",
        "im",
        "gonna",
        "wanna",
        "gotta",
        "kinda",
        "really",
        "actually",
        "exactly",
        "basically",
        "maybe",
        "still",
        "even",
        "ever",
        "every",
        "much",
        "many",
        "one",
        "thing",
        "things",
        "way",
        "ok",
        "okay",
        "yeah",
        "yes",
        "hey",
        "tell",
        "know",
        "want",
        "need",
        "say",
        "said",
        "thing",
        "bit",
        "sort",
        "lot",
        "quite",
        "pilates",
        "exercise",
        "exercises",
        "move",
        "movement",
        "movements",
        "position",
    ]
)

# The only words that carry no weight inside an exercise name ("up" in "Roll Up" does).
NAME_FILLERS: frozenset[str] = frozenset(["the", "a", "an", "of", "and", "with", "to"])

# Chat shorthand, expanded before anything else reads the message.
SHORTHAND: dict[str, str] = {
    "hows": "how is",  # "how's it done?"
    "how2": "how to",
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "pls": "please",
    "plz": "please",
    "vid": "video",
    "vids": "videos",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "w": "with",
    "wo": "without",
    "rn": "now",
    "thx": "thanks",
    "tysm": "thanks",
    "ty": "thanks",
    "idk": "dont know",
    "low": "lower",
    "mins": "minutes",
    "secs": "seconds",
    "hrs": "hours",
    "mod": "modification",
    "mods": "modifications",
    "diff": "difference",
    "ppl": "people",
    "dbl": "double",
    "sgl": "single",
    "oa": "osteoarthritis",  # a physio's note: "knee OA"
    "lbp": "lower back pain",
    # typed on a phone: question words and verbs cut short or spelt as said
    "hw": "how",
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "wats": "whats",
    "wen": "when",
    "wer": "where",
    "shud": "should",
    "shld": "should",
    "cud": "could",
    "wud": "would",
    "hav": "have",
    "tht": "that",
    "nd": "and",
    "thru": "through",
    "tho": "though",
    "b4": "before",
    "bout": "about",
    "coz": "because",
    "becoz": "because",
    "bcoz": "because",
    "dunno": "dont know",
    "wanna": "want to",
    "gonna": "going to",
    "lwr": "lower",
}

# Phrases that say one concept the way one word would: a safety question is often asked
# without a safety word ("do I sit this one out?", "who should not do it?").
PHRASES: dict[str, str] = {
    # a number typed for the word it sounds like, beside the words it goes with: "how 2 do
    # it", "what's it good 4" (not "teaser 2", "4 minutes")
    **{f"{before} 2": f"{before} to" for before in ("how", "want", "need", "way", "what")},
    "2 do": "to do",
    **{f"{before} 4": f"{before} for" for before in ("good", "it", "safe", "ok", "okay", "bad")},
    "4 me": "for me",
    # ...or a word cut short as it sounds: "how hi should I lift" asks how high, no greeting
    "how hi": "how high",
    # how far two things go from each other is how far, no fault of coming apart
    "how far apart": "how far",
    "how wide apart": "how wide",
    "how much apart": "how far",
    # balance lost, in the words people tell it with: an entry on staying balanced answers
    # ("tip over" is left to the pages' own word, "tip": a seated back tipping over is one
    # that cannot sit up, a matter of tight hamstrings)
    **{
        f"{verb} over": "lose balance"
        for verb in "fall falls falling fell topple topples toppling toppled".split()
    },
    **dict.fromkeys("topple topples toppling toppled".split(), "lose balance"),
    # ...or falling one way, the pages' tipping that way ("she falls sideways": "tips
    # sideways")
    **{
        f"{verb} {way}": f"{tip} {way}"
        for verb, tip in (
            ("fall", "tip"),
            ("falls", "tips"),
            ("falling", "tipping"),
            ("fell", "tipped"),
        )
        for way in ("forward", "forwards", "sideways")
    },
    # a part sticking out juts: an image of a fault beside a place (PLACE_IMAGES), unlike
    # "stick" alone ("my ribs stick to the mat", "I stick my arms out")
    **{
        f"{stick} {way}": f"{jut} {way}"
        for stick, jut in (
            ("stick", "jut"),
            ("sticks", "juts"),
            ("sticking", "jutting"),
            ("stuck", "jutted"),
        )
        for way in ("out", "up")
    },
    # someone asking whether to do it, not how a body part should (not) move
    "should not do": "shouldnt",
    "who should not": "shouldnt",
    "should i not": "shouldnt",
    "sit it out": "skip it",
    "sit out": "skip",
    "sit that out": "skip that",
    "sit this out": "skip this",
    "sit that one out": "skip that one",
    "sitting out": "skip",
    "sitting it out": "skip it",
    "sitting that out": "skip that",
    "sitting that one out": "skip that one",
    # a place that takes a beating hurts ("my knees take a pounding on the hard floor"), not
    # arms beating up and down
    **{
        f"{article} {blow}": "a pain"
        for article in ("a", "a real", "a proper", "such a")
        for blow in ("beating", "pounding", "hammering", "battering")
    },
    "light headed": "lightheaded",
    "head rush": "lightheaded",
    "off limits": "avoid",
    "ok for me": "safe",
    "okay for me": "safe",
    "alright for me": "safe",
    "fine for me": "safe",
    "steer clear": "avoid",
    "stay away from": "avoid",
    "give it a miss": "skip it",
    "leave it out": "skip it",
    "leave it alone": "skip it",
    "leave that exercise alone": "skip that exercise",
    # a body part that tires "gives up" or "gives out"
    "gives up": "tires",
    "gave up": "tired",
    "gives out": "tires",
    "gave out": "tired",
    "give out": "tire",
    # new, not a make of anything
    "brand new": "new",
    # a comparison asked without a word of likeness
    "basically just": "same",
    "what separates": "difference",  # not the separating of legs and feet
    "what sets apart": "difference",
    # legs that come apart separate: not the "come" of "come off the mat"
    "coming apart": "separating",
    "come apart": "separate",
    "comes apart": "separates",
    "came apart": "separated",
    # changing legs or sides is switching them, not the "change" of "what should I change?"
    **{
        f"{verb} {what}": f"switch {what}"
        for verb in ("change", "changes", "changing", "changed", "swap", "swapping")
        for what in ("legs", "leg", "sides", "side", "arms")
    },
    # quarters of an hour are minutes
    "three quarters of an hour": "45 minutes",
    "quarter of an hour": "15 minutes",
    "quarter hour": "15 minutes",
    # how it feels is how easy it is, not where it is felt: "once it feels easy"
    "feels easy": "is easy",
    "feels too easy": "is too easy",
    "feels hard": "is hard",
    "feels too hard": "is too hard",
    "feel easy": "are easy",
    "feel too easy": "are too easy",
    # a level said by what it should not be: "nothing hard, I'm a beginner"
    **dict.fromkeys(
        [
            "nothing hard",
            "nothing too hard",
            "not too hard",
            "not too difficult",
            "nothing difficult",
            "nothing advanced",
            "nothing too advanced",
            "nothing intense",
        ],
        "gentle",
    ),
    # what a plank is held on: "on straight arms or on elbows?" asks hands or forearms
    "on straight arms": "on hands",
    "on straight arm": "on hands",
    # ...and so is a plank named by them ("high plank or low plank, which is better?")
    "straight arm plank": "plank on hands",
    "straight arms plank": "plank on hands",
    "high plank": "plank on hands",
    "forearm plank": "plank on forearms",
    "elbow plank": "plank on forearms",
    "low plank": "plank on forearms",
    "on my elbows": "on my forearms",
    "on your elbows": "on your forearms",
    "on elbows": "on forearms",
    "on the elbows": "on the forearms",
    # the work it should take is where it should be felt ("what's supposed to be doing the
    # work?"); "what does it work" stays the benefits
    "doing the work": "working",
    "doing all the work": "working",
    "should work": "should be working",
    "supposed to work": "supposed to be working",
    "meant to work": "meant to be working",
    "should it work": "should it be working",  # "where should it work?"
    "should that work": "should that be working",
    "should this work": "should this be working",
    # the work felt is where it is felt, not what it works
    "feel the work": "feel it",
    "feel the working": "feel it",
    # how much of a movement to make, whichever way it goes: "how low should my legs go?"
    # asks what "how far down should they go?" does ("low" is read "lower" before phrases);
    # the way it goes stays ("as high as I can")
    "how lower": "how far lower",
    "how high": "how far high",
    "how deep": "how far deep",
    # a body part that comes off the mat lifts off it
    # shoulders that creep up to the ears shrug, as the pages' mistakes say ("Shrugging");
    # not arms reaching up by the ears, nor shoulders kept away from them
    **{
        f"{way} {whose} ears": f"{way} {whose} shrugging ears"
        for way in ("up to", "up towards", "up toward", "up around", "up near")
        for whose in ("my", "your", "the", "her", "his", "their")
    },
    # ...and shoulders that end up by one's own ears (arms reach up by the ears)
    **{f"{way} my ears": f"{way} my shrugging ears" for way in ("up by", "up beside", "up at")},
    # the spine curled or peeled down from standing or sitting rolls down, as the pages say
    # ("curl down to your toes"); "peel" alone stays a body part lifting off the mat
    **{
        f"{verb} down": "roll down"
        for verb in "curl curls curling curled peel peels peeling peeled".split()
    },
    # legs turning as if riding a bike pedal, as the bicycle's page says ("like you're riding
    # a bike upside down"): the movement, not the name, which would make a description a
    # question of that page; only as a likeness, for a cyclist's own bike is no exercise
    **{
        f"{lead} {ride} {bike}": f"{lead} pedalling"
        for lead in ("like", "as if", "like youre", "like you are", "like im", "as if you were")
        for ride in ("riding a", "pedalling a", "pedaling a", "on a", "a")
        for bike in ("bike", "push bike", "pushbike")
    },
    **{f"{bike} in the air": "pedalling in the air" for bike in ("bike", "a bike", "bikes")},
    # rocking on the front of the body like a rocking horse is the pages' rocking chair
    **dict.fromkeys(["rocking horse", "rocking horses"], "rocking chair"),
    # a sea lion is the seal's animal
    **dict.fromkeys(["sea lion", "sea lions"], "seal"),
    # a back bend face down is the pages' back extension
    **dict.fromkeys(["backbend", "backbends", "back bend", "back bends"], "back extension"),
    "come off": "lift off",
    "comes off": "lifts off",
    "coming off": "lifting off",
    "came off": "lifted off",
}

# A teacher's or a clinician's words for what the pages say plainly, read as the pages' words
# wherever a text is read (Language.jargon): a position ("supine"), a movement ("lateral
# flexion"), a body part ("lower limb"), a classical name or its shorthand, a way of asking
# for an easier or harder version ("regress it").
JARGON: dict[str, str] = {
    # the glutes by their parts, as a physio shortens them
    "glute med": "gluteus medius",
    "glute max": "gluteus maximus",
    "glute min": "gluteus minimus",
    # bending the trunk sideways, as a physio says it
    "lateral flexion": "side bend",
    "side flexion": "side bend",
    "lateral bend": "side bend",
    "lateral bending": "side bending",
    **dict.fromkeys(
        ["lateral trunk flexion", "lateral spinal flexion", "trunk side flexion"], "side bend"
    ),
    # bending the spine backwards, as the pages say it ("a face-down back extension")
    **dict.fromkeys(
        [
            "spinal extension",
            "spine extension",
            "trunk extension",
            "thoracic extension",
            "lumbar extension",
        ],
        "back extension",
    ),
    # the spine bent forward and back in turns: rounding and arching it
    **dict.fromkeys(
        ["spinal flexion and extension", "spine flexion and extension"],
        "rounding and arching the spine",
    ),
    # turning the thigh outward from the hip, as the pages say it
    **dict.fromkeys(
        ["hip external rotation", "external rotation of the hip", "hip lateral rotation"],
        "turning the thigh outward",
    ),
    # arms and legs in a clinician's words
    "lower limb": "leg",
    "lower limbs": "legs",
    "lower extremity": "leg",
    "lower extremities": "legs",
    "upper limb": "arm",
    "upper limbs": "arms",
    "upper extremity": "arm",
    "upper extremities": "arms",
    "bone density": "osteoporosis",
    # a condition named in words of its own: "high blood pressure" is no pressure felt
    # ("pressure in my neck"), nor "glaucoma" an eye that hurts
    "high blood pressure": "hypertension",
    "blood pressure": "hypertension",
    "high bp": "hypertension",
    "htn": "hypertension",  # clinicians' shorthand
    # a pregnancy told by its belly: "with my bump now", "the baby bump"
    **dict.fromkeys(["my bump", "the bump", "baby bump", "her bump"], "pregnancy"),
    "linea alba": "diastasis",  # the midline that stretches in a diastasis
    # the bony points at the front of the pelvis
    "asis": "hip bones",
    # a leg circling from the hip: the pages' leg circles, not the Hip Circles of the title
    **dict.fromkeys(
        [
            "hip circumduction",
            "hip circumductions",
            "circumduction of the hip",
            "leg circumduction",
            "leg circumductions",
        ],
        "leg circles from the hip",
    ),
    # the front and back of a body part, in anatomical words
    **{
        f"{side} {part}": f"{plain} of the {part}"
        for side, plain in (("anterior", "front"), ("posterior", "back"))
        for part in ("hip", "hips", "thigh", "thighs", "shoulder", "shoulders", "knee", "neck")
    },
    # a side plank by a physio's name
    **dict.fromkeys(["lateral bridge", "side bridge", "lateral plank"], "side plank"),
    # arms and legs of opposite sides, each one limb
    **dict.fromkeys(
        ["contralateral limb", "contralateral limbs", "opposite limbs", "opposite limb"],
        "opposite arm and leg",
    ),
    # a teacher's way of asking for the harder version
    **dict.fromkeys(["next level up", "next level", "level up"], "harder version"),
    # --- positions, as a clinic names them, in the pages' words ---
    # sitting up with both legs long in front, as the seated pages start
    **dict.fromkeys(
        ["long sitting", "long sit", "long sit position"], "sit tall with legs straight"
    ),
    # kneeling up tall, or on one knee with the other foot in front
    "tall kneeling": "kneeling",
    **dict.fromkeys(["half kneeling", "half kneel"], "kneeling on one knee"),
    # hips and knees bent at right angles, shins level: the pages' tabletop
    **dict.fromkeys(["90 90", "double tabletop", "table top"], "tabletop"),
    # a plank on the hands face down or face up, or on one side, by a physio's names
    **dict.fromkeys(["prone plank", "front leaning rest"], "plank"),
    **dict.fromkeys(["supine plank", "reverse table top"], "reverse plank"),
    **dict.fromkeys(["side support", "side lying plank"], "side plank"),
    # --- the spine: its segments and its motions ---
    **dict.fromkeys(["thoracic spine", "mid back", "midback", "t spine"], "upper back"),
    **dict.fromkeys(["l spine", "lumbar region"], "lumbar spine"),
    **dict.fromkeys(["cervical spine", "c spine"], "neck"),
    # the spine curled forward, turned, or moved one bone after another, by the names the
    # pages give them ("spinal flexion", "spinal rotation", "spinal articulation")
    **dict.fromkeys(
        ["spine flexion", "trunk flexion", "lumbar flexion", "thoracic flexion", "forward flexion"],
        "spinal flexion",
    ),
    # the head and shoulders curled off the mat
    **dict.fromkeys(
        [
            "cervical flexion",
            "cervicothoracic flexion",
            "upper trunk flexion",
            "thoracic curl",
            "flexion curl",
        ],
        "curl the head and shoulders",
    ),
    **dict.fromkeys(
        [
            "spine rotation",
            "trunk rotation",
            "thoracic rotation",
            "axial rotation",
            "torso rotation",
        ],
        "spinal rotation",
    ),
    # growing tall through the crown
    # only the head nodding on the neck: the pages' chin nod
    **dict.fromkeys(
        [
            "craniocervical flexion",
            "cranio cervical flexion",
            "upper cervical flexion",
            "chin tuck",
        ],
        "chin nod",
    ),
    # the spine bent forward and back in turns, however the pair is joined ("flexion-extension")
    **dict.fromkeys(
        [
            "spinal flexion extension",
            "spine flexion extension",
            "flexion extension of the spine",
            "flexion and extension of the spine",
            "spinal flexion to extension",
        ],
        "rounding and arching the spine",
    ),
    # the planes a clinician names a motion by: forward and back, side to side, turning
    **dict.fromkeys(["sagittal plane", "sagittal"], "forward and back"),
    **dict.fromkeys(["frontal plane", "coronal plane"], "side to side"),
    **dict.fromkeys(["transverse plane"], "twisting"),
    # a muscle lengthening under load, or holding still: lowering with control, holding
    **dict.fromkeys(
        ["eccentric control", "eccentric phase", "eccentric lowering", "eccentrically"],
        "lowering with control",
    ),
    **dict.fromkeys(["isometric hold", "isometric holds"], "hold"),
    **dict.fromkeys(["mobilisation", "mobilization", "mobilisations", "mobilizations"], "mobility"),
    **dict.fromkeys(["axial elongation", "axial extension", "axial length"], "lengthen the spine"),
    **dict.fromkeys(
        [
            "spine articulation",
            "segmental articulation",
            "sequential articulation",
            "segmental spinal articulation",
            "sequential spinal articulation",
            "vertebral articulation",
        ],
        "spinal articulation",
    ),
    # a trunk that resists a motion: the pages' steady trunk that does not arch, twist or
    # bend ("anti" is written on or apart: words split it)
    "anti extension": "resist arching",
    "anti rotation": "resist twisting",
    "anti lateral flexion": "resist side bending",
    "anti flexion": "resist rounding",
    # the lower back and the pelvis as one region
    **dict.fromkeys(["lumbopelvic", "lumbo pelvic"], "pelvis and lower back"),
    # the pelvis tipped under or forward
    **dict.fromkeys(
        ["posterior pelvic tilt", "posterior tilt", "pelvic retroversion"], "tuck the pelvis"
    ),
    **dict.fromkeys(
        ["anterior pelvic tilt", "anterior tilt", "pelvic anteversion"], "arch the lower back"
    ),
    # the lower back drawn flat onto the mat
    **dict.fromkeys(["imprint", "imprinted", "imprinting"], "lower back pressing into the mat"),
    # --- the shoulder blades and the arms ---
    **dict.fromkeys(
        [
            "scapular depression",
            "scapula depression",
            "depress the scapulae",
            "depress the scapula",
        ],
        "shoulder blades down the back",
    ),
    **dict.fromkeys(
        ["scapular elevation", "scapula elevation", "elevated scapulae"], "shrugging ears"
    ),
    **dict.fromkeys(
        ["scapular protraction", "scapula protraction", "protraction", "protract"],
        "shoulder blades wide",
    ),
    **dict.fromkeys(
        ["scapular retraction", "scapula retraction", "retraction", "retract"],
        "shoulder blades squeezing together",
    ),
    **dict.fromkeys(
        [
            "scapular stability",
            "scapular stabilisation",
            "scapular stabilization",
            "scapular control",
        ],
        "steady shoulder blades",
    ),
    "scapular winging": "winging shoulder blades",
    # arms lifted to the sides, or to the front and overhead
    **dict.fromkeys(
        [
            "shoulder abduction",
            "arms abducted",
            "arms in abduction",
            "abducted arms",
        ],
        "arms out to the sides",
    ),
    **dict.fromkeys(["shoulder flexion", "overhead flexion"], "arms overhead"),
    # --- the hip and the knee ---
    **dict.fromkeys(
        ["hip internal rotation", "internal rotation of the hip", "hip medial rotation"],
        "turning the thigh inward",
    ),
    **dict.fromkeys(["hip er", "hip external rotators"], "turning the thigh outward"),
    **dict.fromkeys(["hip ir", "hip internal rotators"], "turning the thigh inward"),
    **dict.fromkeys(["knee flexion", "knee flexed", "knees flexed"], "bent knees"),
    **dict.fromkeys(["knee extension", "knee extended", "knees extended"], "straight knees"),
    # --- the feet ---
    **dict.fromkeys(
        [
            "dorsiflexed",
            "dorsiflexion",
            "dorsiflex",
            "dorsi flexed",
            "dorsi flexion",
            "feet dorsiflexed",
            "dorsiflexed feet",
        ],
        "flexed feet",
    ),
    **dict.fromkeys(
        [
            "plantarflexed",
            "plantarflexion",
            "plantar flexed",
            "plantar flexion",
            "plantarflex",
            "feet plantarflexed",
        ],
        "pointed feet",
    ),
    # --- sides and limbs ---
    **dict.fromkeys(["ipsilateral", "ipsilaterally"], "same side"),
    # --- muscles and landmarks by their anatomical names ---
    **dict.fromkeys(
        [
            "ischial tuberosities",
            "ischial tuberosity",
            "ischial bones",
            "ischia",
            # a word of their own, so that "bones" is no word of thin bones (osteoporosis);
            # "sit" kept, as the pages' descriptions say it ("balance on the sit bones")
            "sit bones",
            "sitting bones",
            "sitz bones",
        ],
        "sit sitbones",
    ),
    **dict.fromkeys(["iliopsoas", "hip flexor muscles"], "hip flexors"),
    **dict.fromkeys(["tva", "tra", "transverse abdominus"], "transverse abdominis"),
    **dict.fromkeys(
        ["erector spinae", "spinal erectors", "erectors", "paraspinals"],
        "spinal extensors",
    ),
}

# Words skipped when looking for cue phrases, so "how is the boomerang done" (the name taken
# out) still reads "how is done".
CUE_FILLERS: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "this",
        "that",
        "my",
        # "we lie on our backs": whose body it is says nothing of the position
        "our",
        "their",
        "his",
        "her",
        "actually",
        "really",
        "just",
        "even",
        "basically",
        "exactly",
    ]
)

# Stems for words the Snowball stemmer would merge with a different word (none so far).
STEMS: dict[str, str] = {
    # Moving in turns is no other version: "tap one foot, then the other, alternating"
    # would otherwise ask for the modifications ("alternative" stems alike).
    **dict.fromkeys(
        "alternate alternates alternated alternating alternately alternation".split(), "alternat"
    ),
}

# Diminutive suffixes -> base word endings (English forms none that people chat in).
DIMINUTIVES: tuple[tuple[str, str], ...] = ()

# Words that mean the same thing to a learner; each maps to a canonical word (before stemming).
SYNONYMS: dict[str, str] = {
    # "both legs" is what the titles call "double"
    "both": "double",
    # shapes: "balance in a V" (a letter alone is no word, but its shape is)
    "v": "vee",
    # comparisons
    "same": "compare",
    "vs": "compare",
    "versus": "compare",
    "difference": "compare",
    "different": "compare",
    "differ": "compare",
    "differs": "compare",
    "differences": "compare",
    "compared": "compare",
    "comparison": "compare",
    "similar": "compare",
    "alike": "compare",
    "equivalent": "compare",
    "distinct": "compare",
    "shouldnt": "safe",
    # where things are and how they move
    "floor": "mat",
    "ground": "mat",
    "pop": "lift",
    "pops": "lift",
    "popping": "lift",
    "peel": "lift",
    "peels": "lift",
    "peeling": "lift",
    "peeled": "lift",
    "fly": "lift",
    "flies": "lift",
    "flying": "lift",
    "raise": "lift",
    "lifting": "lift",
    "lifts": "lift",
    "dizzy": "lightheaded",
    # legs or feet that come apart are separating, as the pages' mistakes say
    "apart": "separate",
    "separating": "separate",
    "separates": "separate",
    "separated": "separate",
    "crunched": "pain",  # "my lower back feels crunched"
    **dict.fromkeys("squashed squished squashing crushed".split(), "pain"),  # "a squashed kneecap"
    "jammed": "pain",
    "woozy": "lightheaded",
    "concern": "safe",  # "concerns about the teaser with a bad back?"
    "concerns": "safe",
    "concerned": "safe",
    "upright": "straight",  # "my back won't stay upright"
    "faint": "lightheaded",
    # a body part that gives way under its weight falls, however it is put: the pages'
    # "hips sagging", "sinking into the shoulders" are a learner's "my bum sinks", "hips drop"
    **dict.fromkeys(
        "drop drops flop flops sag sags sagging sagged sink sinks sinking sank sunk "
        # ...or caves in ("my arches cave in": "arches falling")
        "cave caves caving caved".split(),
        "fall",
    ),
    # a body flung up or round by the arms or legs is thrown, as the pages say ("throwing the
    # arms to get up"): the momentum they warn of
    **dict.fromkeys(
        "fling flings flinging flung hurl hurls hurling hurled chuck chucks chucking "
        "chucked".split(),
        "throw",
    ),
    # a pelvis or trunk that sways from side to side rocks, as the pages' mistakes say
    **dict.fromkeys("sway sways swaying swayed".split(), "rock"),
    "clicking": "click",
    "clicks": "click",
    "popping sound": "click",
    "thud": "thump",
    "thuds": "thump",
    # feet that come down hard on the mat hit it, as the pages say
    **dict.fromkeys("smack smacks smacking smacked slap slaps slapping slapped".split(), "hit"),
    # a body that lands hard crashes, as the pages say it ("without crashing")
    **dict.fromkeys("crash crashes crashing crashed".split(), "thump"),
    "slam": "thump",
    "slams": "thump",
    "slamming": "thump",
    # pain and strain
    "hurt": "pain",
    "hurts": "pain",
    "hurting": "pain",
    "painful": "pain",
    "ache": "pain",
    "aches": "pain",
    "aching": "pain",
    "achy": "pain",
    "sore": "pain",
    "soreness": "pain",
    "strain": "pain",
    "strains": "pain",
    "straining": "pain",
    "strained": "pain",
    "twinge": "pain",
    **dict.fromkeys("twinges jab jabs stab stabs stabbing".split(), "pain"),
    "pinch": "pain",
    "pinching": "pain",
    "discomfort": "pain",
    "uncomfortable": "pain",
    "killing": "pain",
    "screaming": "pain",  # "my calves are screaming"
    "kills": "pain",
    # a burn is where the work is felt: "which bit should be burning?" asks where to feel it
    "burn": "feel",
    "burns": "feel",
    "burning": "feel",
    # breath
    "breath": "breathe",
    "breathing": "breathe",
    "breathes": "breathe",
    "inhale": "breathe",
    "exhale": "breathe",
    "inhaling": "breathe",
    "exhaling": "breathe",
    **dict.fromkeys("inhales exhales inhaled exhaled breathed".split(), "breathe"),
    # turning the trunk is what the titles call a twist ("how far should I rotate?")
    **dict.fromkeys("rotate rotates rotated rotating".split(), "twist"),
    # a physio's words for it, and a Spanish or Italian speaker's ("inspire" as "inspirar")
    **dict.fromkeys(
        "respiration respiratory inspiration expiration inspire expire".split(), "breathe"
    ),
    # body parts and their everyday names
    "lumbar": "back",
    "spine": "back",
    **dict.fromkeys("tailbone coccyx".split(), "back"),
    "tummy": "abdominals",
    "belly": "abdominals",
    "stomach": "abdominals",
    "abs": "abdominals",
    "ab": "abdominals",
    "core": "abdominals",
    "butt": "glutes",
    "bum": "glutes",
    "booty": "glutes",
    "buttocks": "glutes",
    "glute": "glutes",
    "gluteus": "glutes",
    "hammies": "hamstrings",
    "hammy": "hamstrings",
    "hamstring": "hamstrings",
    "wrist": "wrists",
    "knee": "knees",
    "shoulder": "shoulders",
    "hip": "hips",
    # conditions
    "pregnant": "pregnancy",
    "prenatal": "pregnancy",
    "expecting": "pregnancy",
    "postpartum": "pregnancy",
    "osteopenia": "osteoporosis",
    "bones": "osteoporosis",
    "herniated": "disc",
    "herniation": "disc",
    "slipped": "disc",
    "sciatica": "disc",
    # sensations and effort
    "fatigue": "tired",
    "fatigued": "tired",
    "fatigues": "tires",
    "exhausted": "tired",
    "exhausting": "tired",
    "knackered": "tired",
    "shaking": "shake",
    "shakes": "shake",
    "shaky": "shake",
    "trembling": "shake",
    "wobble": "shake",
    "wobbly": "shake",
    "wobbling": "shake",
    "wobbles": "shake",
    "cramping": "cramp",
    "cramps": "cramp",
    "tightness": "tight",
    # muscles held hard: a clenched jaw is a tense one
    **dict.fromkeys("clench clenches clenching clenched tensing tensed".split(), "tense"),
    "stiff": "tight",
    "feeling": "feel",
    "working": "feel",  # "what ought to be working in the saw?": where it should be felt
    "felt": "feel",
    "sensation": "feel",
    "elbow": "forearm",
    "elbows": "forearm",
    "forearms": "forearm",
    "repetitions": "reps",
    "repetition": "reps",
    "rep": "reps",
    "times": "reps",
    "sets": "reps",
    "safely": "safe",
    "dangerous": "safe",
    "risky": "safe",
    "avoid": "safe",
    "skip": "safe",
    "skipping": "safe",
    "skipped": "safe",
    "avoiding": "safe",
    "avoided": "safe",
    "appropriate": "safe",
    "trimester": "pregnancy",
    "alright": "safe",
    "idea": "safe",
    "dodgy": "injured",
    # clinical words people bring from a physiotherapist
    "spondylolisthesis": "disc",
    "stenosis": "disc",
    # a nerve root pinched by the disc or the spine: what sciatica is, in a physio's words
    **dict.fromkeys("radiculopathy radicular".split(), "disc"),
    "bulging": "disc",
    "hernia": "disc",
    "scoliosis": "back",
    # a physio's words for the sides and circles the pages say plainly
    **dict.fromkeys("contralateral contralaterally".split(), "opposite"),
    **dict.fromkeys(
        "circumduction circumductions circumduct circumducts circumducting".split(), "circle"
    ),
    # moving a leg in towards the other is the inner thighs' work, as the pages call it
    **dict.fromkeys("adduction adduct adducts adducting adducted".split(), "adductor"),
    # legs moving in turns, in a physio's words ("reciprocal hip flexion")
    **dict.fromkeys("reciprocal reciprocally".split(), "alternating"),
    # one side or both, in a physio's words, as the titles say them
    **dict.fromkeys("unilateral unilaterally".split(), "single"),
    **dict.fromkeys("bilateral bilaterally".split(), "double"),
    **dict.fromkeys("femur femurs femoral".split(), "thigh"),
    # the spine moved one bone at a time: what the pages call its articulation
    **dict.fromkeys("segmental segmentally".split(), "articulation"),
    # upside down on the shoulders: an inversion, as the pages say
    **dict.fromkeys("inverted inverting".split(), "inversion"),
    # the shoulder blades, by their anatomical name
    **dict.fromkeys("scapula scapulae scapulas scapular".split(), "shoulder"),
    # worn or inflamed joints: what hurts, as far as the pages go
    **dict.fromkeys("arthritis arthritic osteoarthritis".split(), "pain"),
    "kyphosis": "back",
    **dict.fromkeys("kyphotic lordosis hyperlordosis lordotic scoliotic".split(), "back"),
    "spondylolysis": "disc",  # the stress fracture that comes before a slip
    **dict.fromkeys("gestation antenatal".split(), "pregnancy"),
    "cervical": "neck",
    "thoracic": "back",
    "diastasis": "pregnancy",
    "recti": "pregnancy",
    "dra": "pregnancy",  # diastasis recti abdominis
    # the belly bulging along its midline under load: a physio's "coning" or "doming"
    **dict.fromkeys("coning cones doming domes dome domed".split(), "ridge"),
    "osteopenic": "osteoporosis",
    # a bone scan's names ("my DEXA showed...")
    **dict.fromkeys("densitometry dexa dxa".split(), "osteoporosis"),
    "osteoporotic": "osteoporosis",
    "advisable": "safe",
    "contraindicated": "safe",
    "contraindication": "safe",
    "contraindications": "safe",
    "unsafe": "safe",
    "harmful": "safe",
    "risk": "safe",
    "risks": "safe",
    "precaution": "safe",
    "precautions": "safe",
    "suitable": "safe",
    "partum": "pregnancy",
    "baby": "pregnancy",
    "paining": "pain",
    "seconds": "long",
    "minutes": "long",
    "injury": "injured",
    "injuries": "injured",
    # Everyday words and images for the movements the pages describe in their own words, so
    # that a movement described without its name reaches the page that does it:
    # the finger and toe the saw reaches for are the pages' "little" ones ("reach your pinky
    # past your pinky toe")
    **dict.fromkeys("pinky pinkie pinkies pinkys".split(), "little"),
    # legs set wider than the hips are set wide ("sit with your legs wide")
    **dict.fromkeys("wider widest".split(), "wide"),
    # the spine stacked again bone by bone after rolling down ("restack the spine")
    **dict.fromkeys("restack restacks restacking restacked".split(), "stack"),
    # arms patting the air in small beats pump, as the pages say ("pat the air with your arms")
    **dict.fromkeys("pat pats patting patted".split(), "pump"),
    # a leg swung forward and back like a clock's pendulum swings
    **dict.fromkeys("pendulum pendulums".split(), "swing"),
    # curled up tight like an egg is the pages' ball shape ("tuck into a little egg")
    **dict.fromkeys("egg eggs".split(), "ball"),
    # arms and legs paddling or splashing are swimming ("paddle your arms and legs"); not
    # "pool", where people swim for real
    **dict.fromkeys(
        "paddle paddles paddling paddled splash splashes splashing breaststroke".split(),
        "swim",
    ),
    # the seal's animal by its cousin's name
    **dict.fromkeys("sealion sealions".split(), "seal"),
}

# Asking how to be rid of a problem ("how do I stop it?"): a cue that asks for no part
# (SECTION_CUES "fix") and the kind of question an entry on a problem asks (QUESTION_KINDS
# "fix") alike; each table adds phrases of its own.
_HOW_TO_FIX: tuple[str, ...] = (
    "how do i stop",
    "how can i stop",
    "how do i fix",
    "how can i fix",
    "how do i keep",
    "how can i keep",
    "how do i avoid",
    "how can i avoid",
    "how do i prevent",
    "how to stop",
    "how to fix",
    "how to avoid",
)
# Asking where it should be felt: a cue and a kind of question alike (SECTION_CUES and
# QUESTION_KINDS "feel"), each table adding phrases of its own.
_WHERE_FELT: tuple[str, ...] = (
    "should be working",
    "supposed to be working",
    "where should the work be",
    "where is the work",
    "where should the work",
    "should i feel",
    "should be feeling",
    "supposed to feel",
    "meant to feel",
    # a teacher asking for the client ("where should my client feel it?")
    *(
        f"should {who} feel"
        for who in (
            "you",
            "we",
            "they",
            "he",
            "she",
            *(
                f"{whose}{person}"
                for whose in ("", "my ")
                for person in ("client", "clients", "patient", "patients", "student", "students")
            ),
        )
    ),
)

# Phrases that ask for one part of an exercise. Longer phrases win over shorter ones.
SECTION_CUES: dict[str, tuple[str, ...]] = {
    # "How do I stop it?" asks how to fix a problem, not for the steps: no part (the FAQ entry
    # or the mistakes answer it). Longer than "how do i", so it wins where both are said.
    "fix": (
        *_HOW_TO_FIX,
        "how do i stay",
        "how can i stay",
        "how do i get rid",
        # "...my toes grip, what is the fix?": the answer to the problem told
        "whats the fix",
        "what is the fix",
        "whats the solution",
        "what is the solution",
        "how do you stop",
        "how do you keep",
        "how to keep",
        "how to stay",
        # asked as a noun: "what's the fix?", "any solution?" (not "what's the hundred?")
        "whats the fix",
        "what is the fix",
        "whats the solution",
        "what is the solution",
        "any fix",
        "any solution",
    ),
    # Where it should be felt asks for a check of one's form (a page's "where should I feel
    # it?" entry), not for what the exercise is good for: no part, and no benefits.
    "feel": (
        *_WHERE_FELT,
        "meant to be working",
        "should burn",
        "supposed to burn",
        "meant to burn",
        "should i be feeling",
        "where is the burn",
    ),
    # The steps, when nothing but a name is said with it: "jacknife how", "saw howto".
    "steps_alone": ("how", "howto"),
    # "what is the saw (actually) for?", the name and fillers taken out: the benefits only when
    # the "for" closes the question ("what is the roll up for beginners" asks no benefits)
    "benefits_closing": ("what is for", "whats for", "what are for", "what are they for"),
    "steps": (
        "how do i",
        "how do you",
        "how to",
        "howto do",  # (a phone's run-together "how to": alone with a name, `steps_alone`)
        "how should i do",
        "how is it done",
        "how does it go",
        # ...and said as a statement ("forgot how it goes", "show me how it's done")
        "how it goes",
        "how it is done",
        "how its done",
        # ...and as it should go ("how is that one meant to go?", "how should it really go?":
        # the fillers "that", "really" left out)
        *(
            f"how {should} {verb}"
            for should in (
                "should it",
                "is it supposed to",
                "is it meant to",
                "is it meant to be",
                "is it supposed to be",
                "should it be",
                "is one",
                "does one",
            )
            for verb in ("go", "done", "do it", "look")
        ),
        # ...and as one should do it ("how should I be doing this?", "how am I meant to do it?")
        "how should i be doing",
        "how am i supposed to do",
        "how am i meant to do",
        "how do i start",
        "what do i do",
        "steps",
        "step by step",
        # the cues of each step, as a teacher says it, are the steps, not the tips
        *(f"step by step {cue}" for cue in ("cue", "cues", "cueing")),
        *(f"{cue} step by step" for cue in ("cue", "cues", "cueing", "cue it")),
        # ...and the order they come in, as a teacher asks it
        "cueing sequence",
        "cue sequence",
        "sequence of cues",
        "sequencing",
        "instructions",
        "teach me",
        "walk me through",
        "breakdown",
        "technique",
        "proper form",
        "correct form",
        "right form",
        "do it right",
        "do it properly",
        *(f"{right} way to do" for right in ("correct", "right", "proper")),
        "show me how",
        "explain",
        "perform",
        "guide",
        "set up",
        "setup",
        "breakdown",
        "execution",
        "execute",
        "starting position",
        "start position",
    ),
    "tips": (
        "tips",
        "tip",
        "advice",
        "pointers",
        "cues",
        "cue",
        "tricks",
        "trick",
        "hints",
        "get better at",
        "focus on",
        "focus",
        "think about",
        "teaching points",
        "coaching points",
        "key points",
        "imagery",
        "concentrate on",
        "improve",
        "better at",
        "nail",
        "master",
    ),
    # "instead of" asks for another version when a thing follows it, not a movement (see
    # bot/engine/intent.py)
    "contrast": ("instead of",),
    "easier": (
        "easier",
        "instead",
        "for someone starting out",  # not "I'm starting out, how do I do the hundred?"
        "for beginners",
        "for a beginner",
        "easy version",
        "simpler",
        "regression",
        "regress",
        "regressions",
        "beginner version",
        "beginner variation",
        "too hard",
        "too difficult",
        "cant do",
        "cannot do",
        "unable to",
        "struggle",
        "struggling",
        "scale down",
        "scaled",
        "gentler",
        "gentle version",
        "less intense",
        "lighter",
        "build up to",
        # out of reach yet, and asking how to get there ("where do I start?")
        "beyond me",
        "where do i start",
        "where to start",
        "work toward",
        "work towards",
        "work up to",
        "build up",
        "stepping stone",
        "doable",
    ),
    # Words for another version that do not say which way: both are shown, unless
    # "easier" or "harder" is also said ("a harder version").
    "modifications": (
        "modification",
        "modifications",
        "modify",
        "modified",
        "alternative",
        "alternatives",
        "variation",
        "variations",
        "version",
        "versions",
        "options",
    ),
    "harder": (
        "harder",
        # a teacher's "load it more", "add load": more work for the same muscles
        "load it more",
        "load it up",
        "more load",
        "add load",
        "more challenging",
        "more challenge",
        "challenge",
        "challenging",
        "progression",
        "progressions",
        "progress",
        "advanced version",
        "advanced variation",
        "level up",
        "too easy",
        # it has become easy: the next version is what is wanted ("feels easy now" is read
        # as "is easy now")
        "is easy now",
        "getting easy",
        "got easy",
        "gotten easy",
        "become easy",
        "intensify",
        "intense",
        "tougher",
        "more difficult",
        "next level",
        "step it up",
        "spice it up",
        "increase",
    ),
    "mistakes": (
        "mistakes",
        "mistake",
        "doing wrong",
        "mess up",
        "messing up",
        "messed up",
        "screw up",
        "do wrong",
        "doing it wrong",
        "wrong",
        # "what's off?", "something feels off": wrong, in a word that also says "take off"
        "whats off",
        "what is off",
        # ...or what is happening ("my knees knock together, what's going on?")
        "whats going on",
        "what is going on",
        "whats happening",
        "what is happening",
        "somethings off",
        "something is off",
        "something feels off",
        "feels off",
        "what not to do",
        "not to do",
        "avoid",
        "errors",
        "error",
        "faults",
        "compensation",
        "compensations",
        "compensating",
        "compensate",
        "bad form",
        "pitfalls",
        "dos and donts",
        "do and dont",
        "common problems",
        "dont do",
        "watch out",
        "watch for",  # a teacher's "what to watch for"
        "look out for",
        "careful",
    ),
    "benefits": (
        "benefits",
        "benefit",
        "good for",
        "for what is good",  # as a Spanish or German speaker says it
        "do for you",
        "do for me",
        "strengthen",
        "strengthens",
        "tone",
        "tones",
        "why should",
        "why do",
        "why",
        "what does it do",
        "what does it work",
        "what does it target",
        "what does it build",
        "what does it train",
        "what does it develop",
        "muscles",
        "muscle",
        "movers",  # a teacher's "primary movers"
        "agonists",
        "agonist",
        "work",
        "works",
        "worked",
        "target",
        "targets",
        "purpose",
        "point of",
        "help with",
        "helps",
        "useful",
        "worth",
    ),
    "video": (
        "video",
        "videos",
        "watch",
        "demo",
        "demonstration",
        "youtube",
        "clip",
        "see it done",
        "can i see",
        "could i see",
        "can we see",
        "let me see",
        "want to see",
        "wanna see",
        "see it in action",
        "see someone do",
        "see how",
        "visual",
        "film",
    ),
    "overview": (
        "what is",
        "whats",
        "what are",
        "tell me about",
        "describe",
        "info",
        "information",
        "overview",
        "summary",
        "card",
        # its level, which the card shows ("how hard is the teaser?")
        "what level",
        "which level",
        "how hard",
        "how difficult",
        "how tough",
        "how advanced",
    ),
}

# Cue words whose other forms are other words: "tipping" over, "filming" oneself, "watching"
# the teacher, "using" a spring, a bare "what" (the stemmer cuts "useful" to "use" and "whats"
# to "what"), a "masters" squad, a "sequence" of moves (no "sequencing" asked).
EXACT_CUES = frozenset(
    {"tip", "tips", "trick", "tricks", "film", "watch", "useful", "whats", "master", "sequencing"}
)

# The kind of question a sentence asks (bot/languages QuestionKind), matched on terms: a
# synonym says its word's kind ("sore" a pain, "exhale" the breath). Of an exercise's FAQ
# entries, one that asks the kind a message asks answers it before one that only shares the
# words that describe the movement ("how deep do I bend?" is answered by the entry on how far
# to go, not by one on breathing as you bend).
# Conditions that may rule an exercise out (Language.conditions)
CONDITIONS: tuple[str, ...] = (
    "pregnant",
    "pregnancy",
    "osteoporosis",
    "osteopenia",
    "hernia",
    "herniated",
    "disc",
    # ...and "(high) blood pressure", which JARGON reads as this word
    "hypertension",
    "glaucoma",
    "surgery",
    "injury",
    "injured",
    "carpal tunnel",
    "prolapse",
)

QUESTION_KINDS: dict[QuestionKind, tuple[str, ...]] = {
    # "in or out as I roll back?", "what's the in/out pattern?": which way the breath goes
    "breath": (
        "breathe",
        "breath",
        "breathing",
        "inhale",
        "exhale",
        "in or out",
        "in and out",
        "in out",
        "out or in",
    ),
    "extent": (
        "how far",
        "how much",
        "how high",
        "how low",
        "how deep",
        "how big",
        "how wide",
        "how close",
        "all the way",
        "range of motion",
        "rom",  # teachers' shorthand for the range of motion
        "what angle",
        "which angle",
        "how many degrees",
    ),
    # How long or how many times; longer than "how much", so "how much time" is one
    "duration": (
        "how long",
        "how many",
        "how often",
        "how much time",
        "for how long",
        "hold time",  # "a good hold time for it?"
        "in seconds",
        "how many seconds",
    ),
    # Whether it may be done at all, with a condition or none ("can I still do it?"); the
    # word "safe" alone is not listed, for its synonyms "avoid" and "skip" ask how, too
    "safety": (
        "is safe",
        "safe for",
        "safe with",
        "safe during",
        "safe if",
        "safe to do",
        "safe when",
        "can i still do",
        "should i still do",
        "can i do",  # not "what can I do?" (fix)
        "is ok for",
        "is okay for",
        *CONDITIONS,
        "condition",
        # who had better not do it at all: "who should avoid it?", "who shouldn't do it?"
        "who should avoid",
        "who should skip",
        "who shouldnt",
        "who isnt supposed",
        "who is not supposed",
        "who isnt meant",
        "who is not meant",
        "who needs to avoid",
        "who should give a miss",  # "who should give it a miss?" (the pronoun stepped over)
        "give a miss",
        # "who is it not for?" ("that", "it" stepped over)
        "who is not for",
        "who is one not for",
        "who isnt for",
        "not suitable for",
        "who is unsuitable",
        # whether it suits the one asked about: "is it for me?", "is that one ok for her?"
        "is for me",
        "is for him",
        "is for her",
        "ok for me",
        "ok for him",
        "ok for her",
        "okay for me",
        "okay for him",
        "okay for her",
    ),
    "feel": (
        "where should i feel",
        "where do i feel",
        "where should i be feeling",
        "where am i supposed to feel",
        "where is it supposed to",
        "where should you feel",
        "where should it burn",
        *_WHERE_FELT,
        "what should i feel",
    ),
    "pain": (
        "pain",
        "hurt",
        "sore",
        "ache",
        "pinch",
        "pinches",
        "pinched",
        "cramp",
        "numb",
        "tingling",
    ),
    "fix": (
        "what can i do",
        "what should i do",
        "what do i do",
        *_HOW_TO_FIX,
        "any tips",
        "any advice",
        "any suggestions",
        # a way to get past the problem
        "any way around",
        "a way around",
        "way round",
        "workaround",
        "what should i change",
        "what do i change",
        "what can i change",
        # the correction of a fault told: "my ribs flare as I reach back, how do I correct it?"
        "whats the correction",
        "what is the correction",
        "how do i correct",
        "how can i correct",
    ),
    "compare": (
        "compare",
        "same as",
        "difference",
        "versus",
        # one exercise under two names ("is it just the other with a fancier name?")
        "another name",
        "other name",
        "different name",
        "fancier name",
        "fancy name",
        "posh name",
        "same thing",
        "same exercise",
        "same move",
        # ...or as one thing with the other's name ("does it count as the other, or something
        # else?", "or are they separate?")
        "count as",
        "counts as",
        "or something else",
        "or something different",
        "different thing",
        "or are they separate",
    ),
}

# Asking for any exercise rather than a named one: these say so on their own...
# Body positions, as people and pages say them: "on hands and knees", "lying on my front".
# Pages state theirs in the description ("A side-lying exercise...").
POSITIONS: dict[str, tuple[str, ...]] = {
    "quadruped": (
        "all fours",
        "hands and knees",
        "quadruped",
        "tabletop on hands",
        "four point kneeling",  # a physio's name for it
        "4 point kneeling",
    ),
    "prone": (
        "prone",
        "face down",
        "facedown",
        "on belly",
        "on stomach",
        "on tummy",
        "on front",
        "on your belly",
        "on your stomach",
        "on your tummy",
        "on your front",
        "lying on belly",
        "lying on tummy",
        "lying on stomach",
        "lying on front",
        # a class lies down together: "we lie on our fronts"
        "on fronts",
        "on bellies",
        "on stomachs",
        "on tummies",
        "on your fronts",
        "on your bellies",
        "on your stomachs",
        "on your tummies",
    ),
    "side": (
        "side lying",
        "side-lying",
        "sidelying",  # as physios write it
        "on side",
        "on your side",
        "lying on side",
        "on sides",
        "on your sides",
    ),
    "supine": (
        "supine",
        "crook lying",
        "hook lying",
        "crooklying",
        "hooklying",
        "on back",
        "on your back",
        "face up",
        "lying on your back",
        # (not "on our backs": many pages done on the back do not say so, and a supine
        # position stated counts against them)
    ),
    "seated": ("seated", "sitting", "z sit"),  # a Z-sit: the legs folded to one side
    "standing": ("standing", "stand on one leg", "stand on one foot"),
    "kneeling": ("kneel on one knee", "kneeling on one knee"),
}

# Places of the body where a problem is felt, by the names people give them: a sore lower
# back is answered by the entry on the lower back, not the one on the neck. The hips, the
# pelvis and the seat are one place (a bum cheek peeling off the mat is a hip lifting); the
# front of the hip is a part of it (the hip flexors, where tired abdominals hand the work
# over).
BELLY = ("belly", "tummy", "stomach")
SAGGING = (
    "sag sags sagging drop drops dropping sink sinks sinking dip dips dipping hangs hanging "
    "collapses collapsing"
).split()

BODY_PLACES: dict[str, tuple[str, ...]] = {
    "lower back": (
        "lower back",
        "low back",
        "lumbar",
        "lumbar spine",
        "lower spine",
        "small of back",
        "sacrum",
        "sacroiliac",
        # the bottom of the spine, that thumps the mat in rolling
        "tailbone",
        "tail bone",
        "coccyx",
        # a belly that sags face down (a plank, all fours) is the lower back sagging
        *(f"{belly} {sags}" for belly in BELLY for sags in SAGGING),
    ),
    "upper back": ("upper back", "mid back", "middle back", "thoracic", "between shoulder blades"),
    "neck": ("neck", "necks", "cervical", "cervical spine", "nape"),
    # a head that strains forward or drops back is the neck's work, as is a clenched jaw
    "neck/head": ("head",),
    "neck/jaw": ("jaw", "jaws"),
    "chest": ("chest", "sternum", "breastbone", "pecs"),
    "abs": ("abs", "abdominals", "abdomen", "belly", "tummy", "stomach", "stomach muscles"),
    "shoulders": (
        "shoulder",
        "shoulders",
        "shoulder blade",
        "shoulder blades",
        "scapula",
        "scapulae",
        "trapezius",
        "traps",
        "rotator cuff",
    ),
    # ribs that flare or pop up as the arms go overhead: a fault of its own, not the back's
    "ribs": ("rib", "ribs", "ribcage", "rib cage", "lower ribs", "front ribs"),
    "wrists": ("wrist", "wrists", "carpal tunnel"),
    "elbows": ("elbow", "elbows"),
    "knees": ("knee", "knees", "kneecap", "kneecaps"),
    "hips": (
        "hip",
        "hips",
        "hip bone",
        "hip bones",
        "hipbones",
        "pelvis",
        "pelvic",
        "bum",
        "butt",
        "buttock",
        "buttocks",
        "seat",
        "sitbones",
        "glute",
        "glutes",
    ),
    "pelvic floor": ("pelvic floor",),
    "hips/front": (
        "hip flexor",
        "hip flexors",
        "front of hip",
        "front of hips",
        "hip crease",
        # where the thigh meets the hip
        "top of thigh",
        "top of thighs",
        "tops of thighs",
        "groin",
        "psoas",
    ),
    "hamstrings": (
        "hamstring",
        "hamstrings",
        "hammy",
        "hammies",
        "back of thigh",
        "back of thighs",
        "back of leg",
        "back of legs",
        "backs of thighs",
        "backs of legs",
        "behind thigh",
        "behind thighs",
    ),
    "thighs": (
        "thigh",
        "thighs",
        "front of thigh",
        "front of thighs",
        "quad",
        "quads",
        "quadriceps",
        "inner thigh",
        "inner thighs",
    ),
    "calves": ("calf", "calves", "calf muscle", "calf muscles", "shin", "shins"),
    "feet": ("foot", "feet", "toes", "ankle", "ankles", "heel", "heels"),
}

BODY_DIRECTIONS: tuple[str, ...] = (
    "over head",
    "over your head",
    "above head",
    "above your head",
    "behind head",
    "behind your head",
    "to chest",
    "to your chest",
    "into chest",
    "into your chest",
    "toward chest",
    "towards chest",
    "toward your chest",
    "towards your chest",
    "onto chest",
    "onto your chest",
    "to bum",
    "to your bum",
    "toward bum",
    "towards bum",
    "toward your bum",
    "towards your bum",
    "to seat",
    "to your seat",
    "toward seat",
    "towards seat",
    "toward your seat",
    "towards your seat",
    "on stomach",
    "on your stomach",
    "on belly",
    "on your belly",
)

RANDOM_CUES: tuple[str, ...] = (
    "random",
    "randomly",
    "surprise",
    "any exercise",
    "some exercise",
    "exercise for",
    "exercises for",
    "move for",
    "something for",  # "something for my obliques": an exercise for them
    "anything for",
    "workout",
    "roulette",
    "shuffle",
    "dealers choice",
    "challenge me",
    "dice",
    "of the day",
    "exercise idea",
    "exercise ideas",
    "you choose",
    "you pick",
    "your choice",
    # being handed one, or whichever ("pick me one", "whichever, I don't care which")
    *(
        f"{pick} {one}"
        for pick in ("pick", "pick me", "choose", "choose me")
        for one in ("one", "something")
    ),
    "pick for me",
    "choose for me",
    "cant decide",
    "cant choose",
    "hit me with",
    "whichever",
    *(
        f"{mind} which"
        for mind in (
            "dont mind",
            "don't mind",
            "doesnt matter",
            "doesn't matter",
            "dont care",
            "don't care",
        )
    ),
    # an exercise asked for outright ("give me one exercise for my lunch break")
    *(
        f"{give} {one}"
        for give in ("give me", "gimme", "send me")
        for one in ("exercise", "one exercise", "move")
    ),
)

# Several exercises in a row: a session that fits the time asked (bot/engine/sessions.py).
SESSION_CUES: tuple[str, ...] = (
    "session",
    "sessions",
    "workout",
    "work out",
    "routine",
    "class",
    "practice",
    "sequence",
    "flow",
    "program",
    "programme",
    "circuit",
    "plan for today",
    "full body",
)

# ...and these only with a filter or a word of our domain ("recommend a show" is not ours).
WEAK_RANDOM_CUES: tuple[str, ...] = (
    # an open question of what to do: one exercise, or with a length, a session
    "what should i do",
    "what can i do",
    "something to do",
    "what to do",
    "something",
    "anything",
    "give me",
    "gimme",
    "suggest",
    "suggestion",
    "recommend",
    "recommendation",
    "pick",
    "choose",
    "idea",
    "ideas",
    "one for",
    "routine",
    "whatever",
    "another",
    "next",
    "quick",
    "today",
    # ...and asking for a plan to be made ("make me a beginner workout")
    "make me",
    "plan me",
    "build me",
    "put together",
    "design me",
    # ...or to be handed one ("throw me one for the abs"; not "throwing my legs over")
    "throw an exercise",
    "throw me an exercise",
    "throw me one",
    "throw me something",
    "toss me one",
    "toss me something",
    # ...or to be shown something new ("show me something new")
    "show me something",
    "something new",
    "something different",
)

DOMAIN_WORDS: frozenset[str] = frozenset(
    ["exercise", "exercises", "move", "moves", "pilates", "workout", "mat", "one", "thing"]
)

# What the pages never speak of. A word here that a page comes to use stops counting (a page
# on eating before class would answer it).
UNCOVERED: tuple[str, ...] = (
    # food and weight
    "calorie",
    "calories",
    "kcal",
    "diet",
    "diets",
    "dieting",
    "protein",
    "nutrition",
    "eat",
    "eating",
    "ate",
    "food",
    "meal",
    "meals",
    "lose weight",
    "losing weight",
    "weight loss",
    "fat loss",
    "burn fat",
    "belly fat",
    "six pack",
    # shopping
    "buy",
    "buying",
    "brand",
    "brands",
    "price",
    "prices",
    "cost",
    "costs",
    "ordered",
    "returns",
    "refund",
    "refunds",
    "shipping",
    "delivery",
    "bra",
    # children, whom the pages do not teach
    "kid",
    "kids",
    "toddler",
    "toddlers",
    # promises no exercise keeps
    "invented",
    "invent",
    "inventor",
    "invention",
    "diagnose",
    "diagnosis",
    "cure",
    "cures",
    "cured",
    "curing",
    # health matters the pages leave to a doctor
    "menstrual",
    "menstruation",
    "migraine",
    "migraines",
    "insomnia",
    "cholesterol",
    "diabetes",
    "cellulite",
    "constipation",
    "constipated",
    # looks no exercise promises
    "visible abs",
    "toned abs",
    # other sports
    "golf",
    "tennis",
    "football",
    "soccer",
    "basketball",
    "cardio",
    "marathon",
    "marathons",
    "triathlon",
    "crossfit",
    "barre",
    "hockey",
    "rugby",
    "volleyball",
    "baseball",
    "freestyle",
    "swimming pool",
    "front crawl",
    "breaststroke",
    "backstroke",
)

# Words ending in "-ing" that are no gerund (Language.not_gerunds): things and times of day,
# and verbs whose plain form ends so
NOT_GERUNDS = frozenset(
    (
        "thing nothing something anything everything morning evening ceiling during ring"
        " string spring wing king sibling wedding pudding clothing bring sing swing sting"
        " cling fling"
    ).split()
)

# Asking what one has, or whether a doctor must treat it (Language.diagnoses)
DIAGNOSES: tuple[str, ...] = (
    "need surgery",
    "need an operation",
    "need a scan",
    "need an mri",
)

# Asking whether something is the cause (Language.cause_cues): a diagnosis only when that is
# an illness ("could it be a hernia?"), not when it is how one moves ("could it be my form?")
CAUSE_CUES: tuple[str, ...] = (
    "could it be",
    "might it be",
    "a sign of",
    "a symptom of",
)

# Well-known exercises from gyms and yoga that this library does not have: a message naming
# one gets an honest "not something I have", never a near-miss from our own names.
FOREIGN_EXERCISES: tuple[str, ...] = (
    "kegel",  # pelvic-floor squeezes: no page of the mat
    "kegels",
    "squat",
    "squats",
    "lunge",
    "lunges",
    "burpee",
    "burpees",
    "deadlift",
    "deadlifts",
    "pull up",
    "pull ups",
    "pullup",
    "pullups",
    "chin up",
    "chin ups",
    "bench press",
    "leg press",
    "shoulder press",
    "overhead press",
    "kettlebell",
    "jumping jacks",
    "mountain climbers",
    "russian twist",
    "russian twists",
    "sit up",
    "sit ups",
    "situp",
    "situps",
    "hollow body",
    "hollow hold",
    "wall sit",
    "hip thrust",
    "hip thrusts",
    "step ups",
    "box jumps",
    "bicep curl",
    "bicep curls",
    "tricep dips",
    "dips",
    "rows",
    "downward dog",
    "down dog",
    "child pose",
    "childs pose",
    "pigeon pose",
    "warrior",
    "sun salutation",
    "cobra pose",
    "tree pose",
    "chaturanga",
    "short box",
    "long box",
    "footwork",
    "elephant",
    "stomach massage",
    "snake twist",
    "star",
    "crunch",
    "crunches",
    "flutter kicks",
    "superman",
    "v ups",
    "l sit",
    "handstand",
    "handstand push up",
    "handstand push ups",
    "handstand pushup",
    "handstand pushups",
    "headstand",
    # ...and from the gym, martial arts and kettlebell classes
    "turkish get up",
    "turkish get ups",
    "turkish getup",
    "roundhouse",
    "roundhouse kick",
    "roundhouse kicks",
    "front kick",
    "uppercut",
    "uppercuts",
    "clean and jerk",
    "snatch",
    "thruster",
    "thrusters",
    "wall balls",
    "muscle up",
    "muscle ups",
    "cartwheel",
    "cartwheels",
    "crow pose",
    "bear crawl",
    "bear crawls",
    "farmer carry",
    "farmers walk",
    "lat pulldown",
    "lat pulldowns",
    "face pulls",
    "donkey kick",
    "donkey kicks",
    "fire hydrant",
    "fire hydrants",
    "calf raise",
    "calf raises",
    "skull crushers",
    "hammer curls",
    "pallof press",
    "plank jacks",
    "battle ropes",
)

DIFFICULTY_WORDS: dict[str, str] = {
    "beginner": "beginner",
    "beginners": "beginner",
    "easy": "beginner",
    "newbie": "beginner",
    "novice": "beginner",
    "starter": "beginner",
    "basic": "beginner",
    "gentle": "beginner",
    "intermediate": "intermediate",
    "intermediates": "intermediate",
    "medium": "intermediate",
    "moderate": "intermediate",
    "advanced": "advanced",
    "hard": "advanced",
    "difficult": "advanced",
    "expert": "advanced",
    "tough": "advanced",
}

# Everyday names for the muscles pages list; values are matched against the muscles field.
MUSCLE_WORDS: dict[str, str] = {
    "abs": "abdominal",
    "ab": "abdominal",
    "abdominals": "abdominal",
    "abdominal": "abdominal",
    "core": "abdominal",
    "tummy": "abdominal",
    "stomach": "abdominal",
    "belly": "abdominal",
    "glutes": "glute",
    "glute": "glute",
    "butt": "glute",
    "bum": "glute",
    "booty": "glute",
    "buttocks": "glute",
    "hamstrings": "hamstring",
    "hamstring": "hamstring",
    "obliques": "oblique",
    "oblique": "oblique",
    "waist": "oblique",
    "quads": "quadricep",
    "quad": "quadricep",
    "calf": "calves",
    "calves": "calves",
    "quadriceps": "quadricep",
    "thighs": "thigh",
    "thigh": "thigh",
    "adductors": "adductor",
    "shoulders": "shoulder",
    "shoulder": "shoulder",
    "arms": "tricep",
    "triceps": "tricep",
    "chest": "chest",
    "pecs": "chest",
    "back": "back",
    "hip": "hip",
    "hips": "hip",
    "legs": "leg",
    "spine": "spin",
    "lats": "latissimus",
    "spinal": "spinal",
    "extensors": "extensor",
    "flexors": "flexor",
    "adductor": "adductor",
    "abductors": "abductor",
    "rhomboids": "rhomboid",
    "traps": "trapezius",
    "serratus": "serratus",
}

EQUIPMENT_WORDS: dict[str, str] = {
    "mat": "mat",
    "mats": "mat",
    "rings": "ring",
    "balls": "ball",
    "bands": "band",
    "ring": "ring",
    "magic circle": "ring",
    "ball": "ball",
    "band": "band",
    "theraband": "band",
    "resistance band": "band",
    "reformer": "reformer",
    # the reformer's parts, and what people call it: no page is done with them either
    **dict.fromkeys(("springs", "carriage", "footbar"), "reformer"),
    **dict.fromkeys(("foot bar", "headrest", "shoulder rests", "jump board"), "reformer"),
    **dict.fromkeys(("sitting box", "long box", "short box", "machine"), "reformer"),
    # the studio's other apparatus: no page is done on them
    **dict.fromkeys(("cadillac", "trapeze table", "wunda chair", "wunda"), "apparatus"),
    **dict.fromkeys(("spine corrector", "ladder barrel", "step barrel"), "apparatus"),
    "wall": "wall",
    "chair": "chair",
    "block": "block",
    "no equipment": "mat",
    "without equipment": "mat",
    # weights: no page uses them ("a plank with a 10 kg plate on my back")
    **dict.fromkeys("weights dumbbell dumbbells kettlebell kettlebells barbell".split(), "weights"),
    "ankle weights": "weights",
    "weighted vest": "weights",
    "bosu": "bosu",
    "foam roller": "roller",
    "no mat": "none",
    "without a mat": "none",
    "without mat": "none",
    "not even a mat": "none",
    "no equipment at all": "none",
    "dont have a mat": "none",
    "havent got a mat": "none",
    "no mat needed": "none",
    # ...or no need of one ("anything that doesn't need a mat")
    "doesnt need a mat": "none",
    "dont need a mat": "none",
    "does not need a mat": "none",
    "without needing a mat": "none",
    "no need for a mat": "none",
    "at my desk": "none",
    "at the office": "none",
}

# Words that make a time an upper bound ("under 2 minutes", "max 45s").
BOUND_WORDS: frozenset[str] = frozenset(
    "under less below within max maximum most shorter upto only over than".split()
)

# "under 2 minutes", "90s": units in seconds.
TIME_UNITS: dict[str, int] = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "hour": 3600,
    "hours": 3600,
    "hr": 3600,
    "hrs": 3600,
}

NUMBER_WORDS: dict[str, float] = {
    "half": 0.5,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}

# Small talk: answered kindly, never matched against exercises.
# Phrases that ask which exercise a description is ("what's it called when you..."). Not "the
# one where": that only introduces a description, often before a question about it.
NAME_REQUESTS: tuple[str, ...] = (
    "what is it called",
    "what is this called",
    "what is that called",
    "whats it called",
    "whats this called",
    "whats that called",
    "whats the name",
    "what is the name",
    "name of the exercise",
    "name of the one",
    "what is the exercise",
    "whats the exercise",
    "whats the one",
    "what is the one",
    "whats that one",
    "what is that one",
    "what do you call",
    "what do they call",
    "which exercise is it",
    "which exercise is that",
    "which exercise is this",
    "what exercise is it",
    "what exercise is that",
    "what exercise is this",
)

# The words of a bare request for a name after a description ("..., what is it?", "name?",
# "what's this one called"), and those of them that ask for the name.
NAMING: frozenset[str] = frozenset(
    "what whats which is it its that thats this the one exercise move movement stretch pose "
    "called name of in pilates again".split()
)
# "which one is it?" asks for a name as much as "what is it?"
NAME_WORDS: frozenset[str] = frozenset(
    "what whats which called name exercise move movement".split()
)

# Phrases that introduce a description ("the one where you..."). A message that is only that
# asks which exercise it is; in a longer message it is context for a question.
DESCRIPTION_MARKERS: tuple[str, ...] = (
    "the one where",
    "the one with",
    "the one that",
    "the exercise where",
    "the exercise with",
    "the move where",
    "the stretch where",
    "whats the move",
    "what is the move",
    "that one where",
    "that one with",
    "that exercise where",
    "that move where",
    "the thing where",
    "that thing where",
)

# A name said after these is context when another exercise is named too (see
# Language.name_roles): what it is compared with or came before or after...
NAME_ROLES: dict[str, tuple[str, ...]] = {
    "aside": (
        "after",
        "before",
        "like a",
        "like an",
        "just like",
        "looks like",
        "feels like",
        "similar to",
        "instead of",
        "rather than",
        "than",
        "unlike",
        "moved on from",
        "progressed from",
        "switched from",
        "used to",
    ),
    # ...or the one now done, the others being what came before
    "now": (
        "moved on to",
        "moved onto",
        "progressed to",
        "switched to",
        "graduated to",
        "started on",
        "now",
    ),
    # ...or its words are what someone does ("when I roll back up", "we push up")
    "doer": (
        "i",
        "we",
        "you",
        "they",
        "cant",
        "cannot",
        # ...or the start of doing it ("my feet lift as I start to roll up into it")
        "start to",
        "starting to",
        "begin to",
        "beginning to",
        "try to",
        "trying to",
        "manage to",
        "able to",
    ),
    # ...or, said right after it, a description of another exercise follows, the name being
    # its family or what it looks like ("the bridge where you kick a leg up", "a swan with
    # the legs lifted too"): the description is weighed against it (message._framed)
    "head": (
        "into a",
        "into an",
        "where",
        "one where",
        "one with",
        "one that",
        "one you",
        "one we",
        "in which",
        "that you",
        "that we",
        "variation",
        "variations",
    ),
}

# Unsure which exercise it was (Language.unsure)
UNSURE: tuple[str, ...] = (
    *(
        f"{doubt} {which}"
        for doubt in (
            "not sure",
            "cant remember",
            "can not remember",
            "cannot remember",
            "dont remember",
            "dont know",
            "forget",
            "forgot",
        )
        for which in (
            "which one",
            "which it was",
            "which exercise",
            "which we did",
            "if it was",
            "if its the",
            "whether it was",
        )
    ),
    "or was it",
    "which one was it",
    "which was it",
    # what the teacher meant ("not sure whether she meant the kneeling one or...")
    *(
        f"{doubt} {which} {who} meant"
        for doubt in ("no idea", "not sure", "dont know")
        for which in ("if", "whether", "which one")
        for who in ("my teacher", "the teacher", "she", "he", "they", "my instructor")
    ),
)

# Words that point back at what is on screen ("how long should I hold it?").
REFERENCES: frozenset[str] = frozenset(["it", "this", "that", "these", "those", "them"])

# Words that tell a problem ("my knee aches", "I can't get up", "it keeps sliding").
# A movement is described in plain verbs, often in the first person too ("on my back pumping
# my arms"), so "my" and "I" tell nothing; these do.
TROUBLE: frozenset[str] = frozenset(
    "cant cannot couldnt wont doesnt dont keep keeps kept struggle struggling wrong hurt hurts "
    "hurting pain painful sore ache aches aching achy pinch pinches pinching strain strained "
    "dizzy wobble wobbly wobbling shake shakes shaking cramp cramps cramping click clicks "
    "clicking pop pops popping crack cracks burn burns burning numb tingling stiff problem "
    "issue worried scared safe normal okay ok bad injury injured feel feeling felt flop flops "
    "thud thuds slam slams bonk pressure replacement replaced surgery operation "
    "complain complains complaining protest protests protesting "  # "my back complains"
    # arms that flap or flail, legs that drift, a body that topples or gives out: what a
    # learner sees go wrong in the mirror ("my arms flap like a bird in the hundred")
    "flap flaps flapping flail flails flailing drift drifts drifting topple topples toppling "
    "clunk clunks plop plops yank yanks yanking collapse collapses collapsing "
    "bob bobs bobbing bobbed jerk jerks jerking "
    # ...and the concepts SYNONYMS folds such words into
    "shake fall thump click cramp burn tight lightheaded".split()
)

# A body part moving as it should not, as words and as the concepts SYNONYMS folds them
# into ("sags", "drops" are "fall"; "pops", "peels" are "lift")
FAULTS: frozenset[str] = frozenset(
    "sink sinks sinking sank sunk fall lift arch arches arching arched rock rocks rocking "
    "wobble wobbles wobbling collapse collapses collapsing collapsed flare flares flaring "
    "flared splay splays splaying splayed hike hikes hiking hiked shrug shrugs shrugging "
    "shrugged tilt tilts tilting tilted dip dips dipping dipped sway sways swaying "
    # ...and those that come apart ("apart" is the concept "separate", SYNONYMS)
    "separate separates separating separated".split()
)

# A part that turns out of place ("my top hip rolls back", "my hip twists open"): a fault
# only beside a place, for said anywhere else each names the movement ("roll up", "a twist")
PLACE_FAULTS: frozenset[str] = frozenset(
    "roll rolls rolling rolled twist twists twisting twisted".split()
)

# Images of a fault, read as it only beside the place they picture (a tent is no fault on its
# own; a belly like one is the ridge the pages speak of, a seat like one the pike): words the
# pages do not use, so that no page's own words are read otherwise
_PEAKS = "tent tents tenting tented cone cones peak peaks mountain mountains triangle pyramid"
_KNOCKS = "smack smacks smacking smacked slap slaps slapping slapped bang bangs banging banged"
_CAVING = "cave caves caving caved hammock hammocks hammocking buckle buckles buckling buckled"
PLACE_IMAGES: dict[str, dict[str, str]] = {
    # a belly that rises along its middle domes, as the pages say ("a ridge or dome")
    "abs": dict.fromkeys(
        f"{_PEAKS} bulge bulges bulged bump bumps bumping lump lumps fin".split(), "ridge"
    ),
    # hips or a seat pointing up in a plank pike, as the pages say ("piking the hips up")
    "hips": dict.fromkeys(_PEAKS.split(), "pike"),
    # shoulders that hunch up to the ears shrug, as the pages' mistakes say ("Shrugging")
    "shoulders": dict.fromkeys(
        "scrunch scrunches scrunching scrunched bunch bunches bunching bunched hunch hunches "
        "hunched".split(),
        "shrug",
    ),
    # ribs that stick out flare ("stick out" is read "jut out": PHRASES; "stick" alone may
    # be to the mat, or one's arms out)
    "ribs": dict.fromkeys(
        "pop pops popping popped poke pokes poking poked jut juts jutting jutted".split(),
        "flare",
    ),
    # feet that smack down on the mat hit it
    "feet": dict.fromkeys(f"{_KNOCKS} thud thuds thump thumps slam slams".split(), "hit"),
    # a back or knees that cave in give way: they fall, as the pages say ("knees falling in")
    "lower back": dict.fromkeys(_CAVING.split(), "fall"),
    "upper back": dict.fromkeys(_CAVING.split(), "fall"),
    "knees": dict.fromkeys(_CAVING.split(), "fall"),
}

# Words that plead for help or reassurance, as they end a story: "...my neck aches. Help?",
# "any ideas?", "thoughts?", "advice please". "help" and "advice" also ask for a part ("what
# does it help with?", "advice for the teaser"): alone after a problem they ask for its answer.
PLEAS: frozenset[str] = frozenset(
    "help helps helping halp advice tip tips idea ideas thought thoughts suggestion "
    "suggestions pointers hints please pls plz anyone anybody someone somebody "
    # ...or reassurance: "is that normal?", "ok??"
    "normal ok okay alright fine".split()
)

# Words that make a part asked the general one ("the usual mistakes", "what else do people
# get wrong?", "any general tips?"): Language.general_words
GENERAL_WORDS: frozenset[str] = frozenset(
    "usual usually common commonly typical typically general generally people ppl folks "
    "everyone everybody else main biggest frequent frequently classic overall "
    # ...and the verb they are said with ("the mistakes people make")
    "make makes".split()
)

# Words that open a question inside a message written without full stops, as voice typing
# and many older writers send it ("im 72 and my knee clicks in the bridge how do i stop it"):
# the words before are the story, these and what follows the question. Each inverts its verb
# and subject ("do i", "is it") or asks why, so none also opens a relative clause ("the one
# where", "when i roll") or a comparison; "how to" is left out ("i learnt how to roll").
QUESTION_OPENERS: tuple[str, ...] = (
    "how do i",
    "how do you",
    "how do we",
    "how can i",
    "how could i",
    "how should i",
    "how would i",
    "how does",
    "how come",
    "what am i",
    "what do i",
    "what can i",
    "what could i",
    "what should i",
    "what would you",
    "what is wrong",
    "whats wrong",
    "why do",
    "why does",
    "why is",
    "why am i",
    "why cant",
    "why wont",
    "why would",
    "should i",
    "should we",
    "is it",
    "is that",
    "is this",
    "is there",
    "are there",
    "can i",
    "can you",
    "could i",
    "could you",
    "do i need",
    "do you have",
    "any tips",
    "any advice",
    "any ideas",
)
# Words after which an opener goes on the clause before it instead of starting a question
# ("...hurts or is that normal"), and those before it that belong to its question ("what is
# it called", "where should I feel it").
CLAUSE_BINDERS: frozenset[str] = frozenset(["or"])
OPENER_LEADS: frozenset[str] = frozenset("what whats which where how why who".split())

# The writer's own words ("my hips rock all over the place"): a problem told, unless the
# message sets out a body position, as a description does ("on my side lifting my top leg").
SPEAKER: frozenset[str] = frozenset("i im ive id my me myself mine".split())

# "a seal on the beach", "throw a boomerang": one of many things of that name; an exercise is
# "the seal" or "seal". Not after a verb of doing it, a word of going into it, of likeness or
# of being.
INDEFINITE: frozenset[str] = frozenset("a an".split())
# The verbs of doing an exercise: a name said after one, its article between or not, is the
# name of what is done ("I do the saw after my run"), however much of the rest
# describes another movement.
DOING: frozenset[str] = frozenset(
    "do does did doing done dont doesnt didnt try tries tried trying attempt attempting "
    "perform performs performed performing practise practice practising practicing teach "
    "teaching learn learning master".split()
)
EXERCISE_LEADS: frozenset[str] = DOING | frozenset(
    "hold holds held holding nail add adding finish start "
    "into from through then after before like as "
    # what it is or looks like names as much as it points ("what's a teaser?")
    "is are was were be being been im youre its whats thats seems looks".split()
)


GREETINGS: frozenset[str] = frozenset(
    [
        "hi",
        "hello",
        "hey",
        "hiya",
        "heya",
        "yo",
        "howdy",
        "morning",
        "afternoon",
        "evening",
        "good",
        "gm",
        "hola",
        "sup",
        "whats",
        "up",
        "greetings",
    ]
)

THANKS: frozenset[str] = frozenset(
    ["thanks", "thank", "thx", "ty", "cheers", "thankyou", "appreciate", "appreciated", "tysm"]
)

SMALL_TALK: frozenset[str] = frozenset(
    [
        "ok",
        "okay",
        "k",
        "kk",
        "cool",
        "great",
        "nice",
        "awesome",
        "lol",
        "lmao",
        "haha",
        "hahaha",
        "bye",
        "goodbye",
        "later",
        "cya",
        "see",
        "how",
        "are",
        "you",
        "doing",
        "alright",
        "fine",
        "yes",
        "no",
        "yeah",
        "nope",
        "sure",
        "perfect",
        "wow",
        "amazing",
        "love",
        "it",
    ]
)

# The spelling list is American: British spellings of its words, by their American endings
# (see Language.inflections), are words too ("colour", "realised", "centre", "mouldy").
INFLECTIONS: dict[str, str] = {
    "ize": "ise",
    "izes": "ises",
    "ized": "ised",
    "izing": "ising",
    "ization": "isation",
    "izations": "isations",
    "yze": "yse",
    "yzed": "ysed",
    "yzing": "ysing",
    "or": "our",
    "ors": "ours",
    "ored": "oured",
    "oring": "ouring",
    "orite": "ourite",
    "orites": "ourites",
    "orful": "ourful",
    "orhood": "ourhood",
    "ter": "tre",
    "ters": "tres",
    "ense": "ence",
    # written from the "l" on, so that a short stem is one too ("mould", "mouldy", "smoulder")
    "ld": "uld",
    "lds": "ulds",
    "ldy": "uldy",
    "lder": "ulder",
    "lders": "ulders",
    "ldering": "uldering",
    "eled": "elled",
    "eling": "elling",
}

# The pages' section headings, folded, and the part each holds.
SECTION_HEADINGS: dict[str, str] = {
    "benefits": "benefits",
    "common mistakes to avoid": "mistakes",
    "common mistakes": "mistakes",
    "mistakes to avoid": "mistakes",
    "tips for success": "tips",
    "tips": "tips",
}

LANGUAGE = register(
    Language(
        code="en",
        name="English",
        stemmer="english",
        spelling="en",
        stop_words=STOP_WORDS,
        name_fillers=NAME_FILLERS,
        shorthand=SHORTHAND,
        phrases=PHRASES,
        jargon=JARGON,
        cue_fillers=CUE_FILLERS,
        stems=STEMS,
        gerund_endings=("ing",),
        not_gerunds=NOT_GERUNDS,
        attached_pronouns=(),
        imperative_endings=(),
        diminutives=DIMINUTIVES,
        synonyms=SYNONYMS,
        section_cues=SECTION_CUES,
        question_kinds=QUESTION_KINDS,
        exact_cues=EXACT_CUES,
        plural_endings=("s", "es"),
        inflections=INFLECTIONS,
        conditions=CONDITIONS,
        section_headings=SECTION_HEADINGS,
        positions=POSITIONS,
        body_places=BODY_PLACES,
        body_directions=BODY_DIRECTIONS,
        motion_particles=frozenset(
            "up down over forward forwards backward backwards back sideways under out".split()
        ),
        pain="pain",
        random_cues=RANDOM_CUES,
        weak_random_cues=WEAK_RANDOM_CUES,
        session_cues=SESSION_CUES,
        question_words=frozenset(
            "how what why when where which who whose does do did is are was were should "
            "shall will would".split()
        ),
        relatives=frozenset("where when which who whose is are was were".split()),
        question_openers=QUESTION_OPENERS,
        clause_binders=CLAUSE_BINDERS,
        opener_leads=OPENER_LEADS,
        session_lengths={"short": 10, "quick": 10, "mini": 5, "long": 30, "full": 30},
        domain_words=DOMAIN_WORDS,
        foreign_exercises=FOREIGN_EXERCISES,
        uncovered=UNCOVERED,
        diagnoses=DIAGNOSES,
        cause_cues=CAUSE_CUES,
        illness_endings=("itis", "osis", "algia", "opathy"),  # "bursitis", "neuralgia"
        difficulty_words=DIFFICULTY_WORDS,
        muscle_words=MUSCLE_WORDS,
        equipment_words=EQUIPMENT_WORDS,
        done_with=frozenset("on with using holding onto in".split()),
        bound_words=BOUND_WORDS,
        lasting_words=frozenset("last lasts lasting takes take taking long".split()),
        level_words=frozenset({"level", "levels", "lvl"}),
        being=frozenset({"is", "are", "isnt", "arent"}),
        closing_bounds=frozenset({"less", "max", "maximum", "most", "tops"}),
        bound_joiners=frozenset({"or", "at", "the", "tops"}),
        time_units=TIME_UNITS,
        age_leads=frozenset("my his her their your our over early late mid".split()),
        number_words=NUMBER_WORDS,
        name_requests=NAME_REQUESTS,
        description_markers=DESCRIPTION_MARKERS,
        name_roles=NAME_ROLES,
        unsure=UNSURE,
        # ("the opposite arm", "each leg", "the other leg": one of them)
        counts={
            **dict.fromkeys(
                "one single opposite other each alternate alternating right left".split(), 1
            ),
            "both": 2,
            "two": 2,
        },
        counts_after={},
        limbs=frozenset("leg legs arm arms knee knees foot feet hand hands".split()),
        existence=(
            "is there",
            "are there",
            "any way",
            "another way",
            "what else can i",
            "what else could i",
        ),
        naming=NAMING,
        name_words=NAME_WORDS,
        choosing=frozenset(["which"]),
        references=REFERENCES,
        pronouns=frozenset({"one", "ones"}),
        trouble=TROUBLE,
        faults=FAULTS,
        place_faults=PLACE_FAULTS,
        place_images=PLACE_IMAGES,
        image_parts=frozenset({"of"}),
        pleas=PLEAS,
        asking_what=frozenset({"what", "which", "how", "whats"}),
        general_words=GENERAL_WORDS,
        purpose_binders=frozenset({"so", "to"}),
        speaker=SPEAKER,
        objects=frozenset("it this that these those them me myself him her us you".split()),
        addressee=frozenset("you your youre yourself".split()),
        indefinite=INDEFINITE,
        exercise_leads=EXERCISE_LEADS,
        doing=DOING,
        greetings=GREETINGS,
        thanks=THANKS,
        small_talk=SMALL_TALK,
    )
)
