"""Spanish: the words people use about Pilates, as data (same names as bot/languages/en.py).

Words are written without accents where people often drop them; matching folds accents anyway.
"""

from __future__ import annotations

STOP_WORDS: frozenset[str] = frozenset(
    """
    a al algo algun alguna algunas alguno algunos ante antes aqui asi aun aunque bien cada casi
    como con contra cual cuando de del desde donde dos durante e el ella ellas ellos en entre era
    eres es esa esas ese eso esos esta estaba estamos estan estar este esto estos estoy fue ha
    hace hacer hacia hago han hasta hay he la las le les lo los me mi mis mucho muy nada ni no nos
    o otra otro para pero poco por porque puedo puede que quien se sea ser si sin sobre solo son
    soy su sus tambien tan tanto te tengo tiene tu tus un una uno unos unas usted y ya yo vale
    ok pues oye mira bueno entonces ejercicio ejercicios pilates movimiento postura cosa hola
    """.split()
)

# The only words that carry no weight inside an exercise name ("de" in "Estiramiento de...").
NAME_FILLERS: frozenset[str] = frozenset("el la los las un una de del con al a y en the".split())

# Chat shorthand, expanded before anything else reads the message.
SHORTHAND: dict[str, str] = {
    "q": "que",
    "k": "que",
    "xq": "porque",
    "pq": "porque",
    "porq": "porque",
    "x": "por",
    "tb": "tambien",
    "tmb": "tambien",
    "porfa": "por favor",
    "xfa": "por favor",
    "d": "de",
    "mins": "minutos",
    "segs": "segundos",
    "vid": "video",
}

# Words skipped when looking for cue phrases ("como se hace el teaser" reads "como se hace").
CUE_FILLERS: frozenset[str] = frozenset(
    "el la lo los las un una esto eso este ese mi mis realmente exactamente basicamente".split()
)

# Words that mean the same thing to a learner; each maps to a canonical word (before stemming).
SYNONYMS: dict[str, str] = {
    # dolor y molestias
    "duele": "dolor",
    "duelen": "dolor",
    "doler": "dolor",
    "dolores": "dolor",
    "molesta": "dolor",
    "molestan": "dolor",
    "molestia": "dolor",
    "molestias": "dolor",
    "tiron": "dolor",
    "pinchazo": "dolor",
    "dolorido": "dolor",
    "dolorida": "dolor",
    "resiente": "dolor",
    "sufre": "dolor",
    "quema": "ardor",
    "arde": "ardor",
    # respiración
    "respirar": "respiracion",
    "respiro": "respiracion",
    "respira": "respiracion",
    "inspirar": "respiracion",
    "inspiro": "respiracion",
    "espirar": "respiracion",
    "espiro": "respiracion",
    "inhalar": "respiracion",
    "inhalo": "respiracion",
    "exhalar": "respiracion",
    "exhalo": "respiracion",
    "aire": "respiracion",
    # partes del cuerpo
    "lumbar": "espalda",
    "lumbares": "espalda",
    "columna": "espalda",
    "cervicales": "cuello",
    "cervical": "cuello",
    "nuca": "cuello",
    "tripa": "abdominales",
    "barriga": "abdominales",
    "vientre": "abdominales",
    "abdomen": "abdominales",
    "abdominal": "abdominales",
    "core": "abdominales",
    "culo": "gluteos",
    "trasero": "gluteos",
    "pompis": "gluteos",
    "gluteo": "gluteos",
    "isquios": "isquiotibiales",
    "muneca": "munecas",
    "rodilla": "rodillas",
    "hombro": "hombros",
    "cadera": "caderas",
    "pie": "pies",
    # situaciones
    "embarazada": "embarazo",
    "embarazadas": "embarazo",
    "prenatal": "embarazo",
    "posparto": "embarazo",
    "postparto": "embarazo",
    "osteopenia": "osteoporosis",
    "huesos": "osteoporosis",
    "hernia": "disco",
    "ciatica": "disco",
    "lesion": "lesionado",
    "lesiones": "lesionado",
    # sensaciones y esfuerzo
    "siento": "sentir",
    "noto": "sentir",
    "notar": "sentir",
    "sensacion": "sentir",
    "tiembla": "temblar",
    "tiemblan": "temblar",
    "temblor": "temblar",
    "calambres": "calambre",
    "tenso": "tension",
    "tensos": "tension",
    "tensa": "tension",
    "rigido": "tension",
    "tirante": "tension",
    "repeticiones": "repeticion",
    "veces": "repeticion",
    "series": "repeticion",
    "seguro": "riesgo",
    "segura": "riesgo",
    "peligroso": "riesgo",
    "recomendable": "riesgo",
    "evitar": "riesgo",
    "contraindicado": "riesgo",
    "mismo": "comparar",
    "misma": "comparar",
    "diferencia": "comparar",
    "diferente": "comparar",
    "vs": "comparar",
    "versus": "comparar",
    # dónde y cómo se mueve
    "suelo": "esterilla",
    "colchoneta": "esterilla",
    "despega": "levanta",
    "despegan": "levanta",
    "sube": "levanta",
    "suben": "levanta",
    "levantan": "levanta",
    "elevar": "levanta",
    "mareo": "mareado",
    "mareada": "mareado",
    "mareos": "mareado",
    "cae": "caer",
    "caen": "caer",
    "cuelga": "caer",
}

# Phrases that ask for one part of an exercise. Longer phrases win over shorter ones.
SECTION_CUES: dict[str, tuple[str, ...]] = {
    "steps": (
        "como se hace",
        "como hago",
        "como hacer",
        "como lo hago",
        "como se realiza",
        "como empiezo",
        "como se empieza",
        "pasos",
        "paso a paso",
        "instrucciones",
        "explicame",
        "explica",
        "ensename",
        "tecnica",
        "como va",
        "que tengo que hacer",
    ),
    "tips": (
        "consejos",
        "consejo",
        "trucos",
        "truco",
        "tips",
        "recomendaciones",
        "en que me fijo",
        "en que me concentro",
        "en que pienso",
        "como mejorar",
        "mejorar",
        "claves",
    ),
    "easier": (
        "mas facil",
        "facil",
        "version facil",
        "mas sencillo",
        "mas sencilla",
        "simplificar",
        "modificacion",
        "modificaciones",
        "variante",
        "variantes",
        "version",
        "adaptar",
        "adaptacion",
        "regresion",
        "no puedo",
        "me cuesta",
        "demasiado dificil",
        "muy dificil",
        "alternativa",
        "alternativas",
        "en lugar de",
        "en vez de",
        "bajar el nivel",
        "mas suave",
    ),
    "harder": (
        "mas dificil",
        "mas duro",
        "mas dura",
        "mas intenso",
        "mas intensa",
        "progresion",
        "progresar",
        "version avanzada",
        "mas reto",
        "mas exigente",
        "complicar",
        "complicarlo",
        "subir de nivel",
        "subir el nivel",
        "demasiado facil",
        "muy facil",
        "intensificar",
        "siguiente nivel",
    ),
    "mistakes": (
        "errores",
        "error",
        "que hago mal",
        "hago mal",
        "lo hago mal",
        "mal",
        "que no hacer",
        "que evitar",
        "fallos",
        "fallo",
        "equivocaciones",
    ),
    "benefits": (
        "beneficios",
        "beneficio",
        "para que sirve",
        "para que es",
        "por que",
        "que trabaja",
        "que musculos",
        "musculos",
        "trabaja",
        "sirve",
        "bueno para",
        "ventajas",
        "vale la pena",
    ),
    "video": (
        "video",
        "videos",
        "verlo",
        "ver como",
        "demostracion",
        "youtube",
        "un video",
    ),
    "overview": (
        "que es",
        "cuentame",
        "informacion",
        "info",
        "describe",
        "resumen",
        "sobre",
        "ficha",
    ),
}

# Asking for any exercise rather than a named one: these say so on their own...
RANDOM_CUES: tuple[str, ...] = (
    "aleatorio",
    "aleatoria",
    "al azar",
    "sorprendeme",
    "sorpresa",
    "cualquier ejercicio",
    "un ejercicio",
    "algun ejercicio",
    "ejercicio para",
    "ejercicios para",
    "que hago hoy",
    "que puedo hacer",
    "elige tu",
    "escoge tu",
    "tira el dado",
    "del dia",
    "random",
)
# ...and these only with a filter or a word of our domain.
WEAK_RANDOM_CUES: tuple[str, ...] = (
    "algo",
    "dame",
    "sugiere",
    "sugiereme",
    "sugerencia",
    "recomienda",
    "recomiendame",
    "propon",
    "proponme",
    "otro",
    "otra",
    "rapido",
    "hoy",
    "idea",
    "rutina",
)
DOMAIN_WORDS: frozenset[str] = frozenset(
    "ejercicio ejercicios movimiento pilates rutina uno una cosa esterilla".split()
)

# Well-known exercises from gyms and yoga that this library does not have.
FOREIGN_EXERCISES: tuple[str, ...] = (
    "sentadilla",
    "sentadillas",
    "zancada",
    "zancadas",
    "burpee",
    "burpees",
    "peso muerto",
    "dominada",
    "dominadas",
    "press de banca",
    "prensa de piernas",
    "kettlebell",
    "jumping jacks",
    "escaladores",
    "giro ruso",
    "giros rusos",
    "perro boca abajo",
    "postura del nino",
    "saludo al sol",
    "guerrero",
    "postura de la paloma",
    "cobra",
    "sentadilla en pared",
    "fondos",
    "curl de biceps",
    "superman",
    "crunch",
    "crunches",
    "short box",
    "footwork",
)

DIFFICULTY_WORDS: dict[str, str] = {
    "principiante": "beginner",
    "principiantes": "beginner",
    "facil": "beginner",
    "faciles": "beginner",
    "basico": "beginner",
    "basica": "beginner",
    "novato": "beginner",
    "novata": "beginner",
    "iniciacion": "beginner",
    "suave": "beginner",
    "intermedio": "intermediate",
    "intermedia": "intermediate",
    "medio": "intermediate",
    "avanzado": "advanced",
    "avanzada": "advanced",
    "avanzados": "advanced",
    "dificil": "advanced",
    "duro": "advanced",
    "exigente": "advanced",
    "experto": "advanced",
}

# Everyday names for muscles; values are matched against the (Spanish) muscles field.
MUSCLE_WORDS: dict[str, str] = {
    "abdominales": "abdominal",
    "abdomen": "abdominal",
    "abs": "abdominal",
    "core": "abdominal",
    "tripa": "abdominal",
    "barriga": "abdominal",
    "vientre": "abdominal",
    "gluteos": "glute",
    "gluteo": "glute",
    "culo": "glute",
    "trasero": "glute",
    "pompis": "glute",
    "isquiotibiales": "isquio",
    "isquios": "isquio",
    "oblicuos": "oblicu",
    "cintura": "oblicu",
    "cuadriceps": "cuadricep",
    "muslos": "muslo",
    "aductores": "aductor",
    "hombros": "hombro",
    "brazos": "brazo",
    "triceps": "tricep",
    "pecho": "pectoral",
    "pectorales": "pectoral",
    "espalda": "espalda",
    "cadera": "cadera",
    "caderas": "cadera",
    "piernas": "pierna",
    "gemelos": "gemelo",
}

EQUIPMENT_WORDS: dict[str, str] = {
    "esterilla": "mat",
    "colchoneta": "mat",
    "sin material": "mat",
    "sin nada": "mat",
    "sin esterilla": "none",
    "en la oficina": "none",
    "aro": "ring",
    "aro magico": "ring",
    "pelota": "ball",
    "balon": "ball",
    "banda": "band",
    "banda elastica": "band",
    "goma": "band",
    "pared": "wall",
    "silla": "chair",
    "bloque": "block",
    "reformer": "reformer",
}

# Words that make a time an upper bound ("menos de 2 minutos", "máximo 45 s").
BOUND_WORDS: frozenset[str] = frozenset(
    "menos de maximo max como mucho hasta en solo tengo mas que inferior".split()
)
# "menos de 2 minutos", "90s": units in seconds.
TIME_UNITS: dict[str, int] = {
    "s": 1,
    "seg": 1,
    "segs": 1,
    "segundo": 1,
    "segundos": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minuto": 60,
    "minutos": 60,
}
NUMBER_WORDS: dict[str, int] = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "diez": 10,
    "quince": 15,
    "treinta": 30,
    "sesenta": 60,
    "noventa": 90,
}

# Small talk: answered kindly, never matched against exercises (English ones too: people mix).
GREETINGS: frozenset[str] = frozenset(
    "hola holi holaa buenas buenos dias tardes noches hey ey saludos hi hello".split()
)
THANKS: frozenset[str] = frozenset("gracias graciass mil muchisimas thanks thx".split())
SMALL_TALK: frozenset[str] = frozenset(
    """
    ok okay okey vale genial perfecto guay jaja jajaja jeje lol adios chao chau hasta luego
    pronto bien como estas que tal tal si no claro bueno fenomenal super estupendo buenisimo
    """.split()
)
