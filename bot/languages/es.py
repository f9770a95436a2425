"""Spanish: the words people use about Pilates, as data (same names as bot/languages/en.py).

Words are written without accents where people often drop them; matching folds accents anyway.
"""

from __future__ import annotations

from bot.languages import Language, QuestionKind, register

STOP_WORDS: frozenset[str] = frozenset(
    """
    a al algo algun alguna algunas alguno algunos ante antes aqui asi aun aunque bien cada casi
    como con contra cual cuando de del desde donde dos durante e el ella ellas ellos en entre era
    eres es esa esas ese eso esos esta estaba estamos estan estar este esto estos estoy fue ha
    hace hacer hacia hago han hasta hay he la las le les lo los me mi mis mucho muy nada ni no nos
    o otra otro para pero poco poca pocos pocas por porque puedo puede que quien se sea ser si sin
    sobre solo son soy su sus tambien tan tanto te tengo tiene tu tus un una uno unos unas usted y
    ya yo vale
    ok pues oye mira bueno entonces ejercicio ejercicios pilates movimiento postura cosa hola
    favor va van vas voy mas debo deberia debe quiero quieres necesito saber dime decir
    todavia incluso quizas quiza realmente cosas demasiado consigo consigue consigues conseguir
    exactamente precisamente concretamente basicamente
    estas estes estuviera estuvieras estuviese estuvieses
    """.split()
)

# The only words that carry no weight inside an exercise name ("de" in "Estiramiento de...").
NAME_FILLERS: frozenset[str] = frozenset("el la los las un una de del con al a y en the".split())

# Chat shorthand, expanded before anything else reads the message.
SHORTHAND: dict[str, str] = {
    "q": "que",
    "k": "que",
    "xq": "por que",
    "pq": "por que",
    "porq": "por que",
    "porque": "por que",
    "pa": "para",
    "decime": "dime",
    "contame": "cuentame",
    "x": "por",
    "tb": "tambien",
    "tmb": "tambien",
    "tmbn": "tambien",
    "tbn": "tambien",
    "ke": "que",
    "xk": "por que",
    "pk": "por que",
    "xa": "para",
    "bn": "bien",
    "mui": "muy",
    "dnd": "donde",
    "cdo": "cuando",
    "cnd": "cuando",
    "xo": "pero",
    "porfi": "por favor",
    "xfavor": "por favor",
    "weno": "bueno",
    "aki": "aqui",
    "tmpoco": "tampoco",
    "porfa": "por favor",
    "xfa": "por favor",
    "d": "de",
    "mins": "minutos",
    "segs": "segundos",
    "vid": "video",
    # "h" muda y "c" que suena a "s", como se escribe a la carrera: "como se ase"
    "ase": "hace",
    "aser": "hacer",
    "asen": "hacen",
    "aze": "hace",
    "azer": "hacer",
    "azen": "hacen",
    "resp": "respira",
    # el dolor de espalda o de cuello, en una palabra de médico
    "lumbalgia": "dolor lumbar",
    "lumbalgias": "dolor lumbar",
    "lumbago": "dolor lumbar",
    "cervicalgia": "dolor cervical",
    "dorsalgia": "dolor espalda",
}

# Frases que dicen un concepto como lo diría una palabra: la pregunta por la seguridad a
# menudo no lleva palabra de seguridad ("¿quién no debería hacerlo?", "¿o mejor no?").
PHRASES: dict[str, str] = {
    # todo el mundo es la gente: "¿qué hace mal todo el mundo?" pide los errores generales
    # (GENERAL_WORDS), como "¿qué hace mal la gente?"; "mundo" solo no es general
    "todo el mundo": "gente",
    # la tienda de campaña es una imagen del fallo (PLACE_IMAGES "carpa"); la tienda sola es
    # donde se compra
    **dict.fromkeys(["tienda de campana", "tiendas de campana"], "carpa"),
    # un caballito de balancín se mece como la mecedora de las páginas
    **dict.fromkeys(
        ["caballito de balancin", "caballo de balancin", "caballito de madera"], "mecedora"
    ),
    # una condición dicha en palabras propias: la "tensión alta" no es una tensión que se note
    **dict.fromkeys(
        [
            "tension alta",
            "presion alta",
            "tension arterial alta",
            "presion arterial alta",
            "hta",
            "hipertensa",
            "hipertenso",
        ],
        "hipertension",
    ),
    # lo que está "en el aire" está arriba, no es el aire que se respira
    **dict.fromkeys(["en el aire", "al aire"], "arriba"),
    # los hombros que suben hasta las orejas se encogen, como dicen las páginas ("Encoger los
    # hombros"); no los brazos "junto a las orejas", ni los hombros "lejos de las orejas"
    **{
        f"{way} las orejas": f"{way} las encogidos orejas"
        for way in ("hasta", "hacia", "pegados a", "pegado a")
    },
    # quien pregunta si hacerlo, no cómo debe (o no) moverse el cuerpo ("no deben bajar")
    "quien no deberia": "riesgo",
    "no deberia hacer": "riesgo",
    "no deberia hacerlo": "riesgo",
    "no deberia hacerla": "riesgo",
    "no deberian hacer": "riesgo",
    # los cuartos de hora son minutos
    "tres cuartos de hora": "45 minutos",
    "cuarto de hora": "15 minutos",
    # un nivel dicho por lo que no debe ser: "nada difícil, soy principiante"
    **dict.fromkeys(
        [
            "nada dificil",
            "nada muy dificil",
            "no muy dificil",
            "no tan dificil",
            "nada avanzado",
            "nada duro",
            "nada exigente",
        ],
        "suave",
    ),
    # sobre qué se sostiene la plancha: "¿con los brazos estirados o apoyando los codos?"
    # ("los" se queda: puede señalar lo que hay en pantalla)
    "apoyando los codos": "apoyando los antebrazos",
    "sobre los codos": "sobre los antebrazos",
    "en los codos": "en los antebrazos",
    # ...en presente y en subjuntivo: "¿hay gente que no deba hacer el roll over?"
    **dict.fromkeys(
        [
            f"no {verbo} {hacer}"
            for verbo in ("debe", "deben", "deba", "deban")
            for hacer in ("hacer", "hacerlo", "hacerla")
        ],
        "riesgo",
    ),
    "no se recomienda": "riesgo",
    "o mejor no": "riesgo",
    # "al lado de" es "junto a", como lo dicen las páginas ("las manos junto a los hombros")
    "al lado de": "junto a",
    "al lado del": "junto al",
    "mejor lo dejo": "riesgo lo",
    "mejor la dejo": "riesgo la",
    "mejor los dejo": "riesgo los",
    "mejor las dejo": "riesgo las",
    "mejor dejarlo": "riesgo",
    "mejor dejarla": "riesgo",
    # "de costado" es de lado: "la plancha de costado" es la plancha lateral
    "de costado": "de lado",
    # "¿puedo seguir haciéndola?": embarazada, con la espalda mal...
    "puedo seguir haciendo": "riesgo",  # "¿la puedo seguir...": "la" still points
    "puedo seguir haciendola": "riesgo",
    "puedo seguir haciendolo": "riesgo",
    "lo tengo que dejar": "lo riesgo",
    "me da vueltas": "mareado",
    # una comparación: "es igual que", "igual a"
    "igual que": "comparar",
    "igual a": "comparar",
    # el trabajo que debería hacer es dónde se debería notar ("¿qué zona debería trabajar?")
    "deberia trabajar": "deberia estar trabajando",
    "deberian trabajar": "deberian estar trabajando",
    "se supone que trabaja": "se supone que esta trabajando",
    # "en cuanto subo" es "nada más subir": cuándo, no cuánto
    "en cuanto": "cuando",
}

# Las palabras de un profesor o de la clínica para lo que las páginas dicen llano, leídas como
# las de las páginas dondequiera que se lee un texto (Language.jargon): una posición
# ("decúbito supino"), un movimiento ("flexión lateral"), una parte del cuerpo ("miembros
# inferiores"), un nombre clásico o su abreviatura.
JARGON: dict[str, str] = {
    # la flexión lateral y la extensión de la columna, como las dicen las páginas
    **dict.fromkeys(
        [
            "flexion lateral de tronco",
            "flexion lateral del tronco",
            "inclinacion lateral de tronco",
        ],
        "flexion lateral",
    ),
    **dict.fromkeys(
        [
            "extension de columna",
            "extension de tronco",
            "extension del tronco",
            "extension toracica",
            "extension lumbar",
            "extension dorsal",
        ],
        "extension de espalda",
    ),
    # la columna flexionada y extendida por turnos: redondearla y arquearla
    **dict.fromkeys(
        ["flexion y extension de columna", "flexion y extension de la columna"],
        "redondear y arquear la columna",
    ),
    # girar el muslo hacia fuera desde la cadera, como lo dicen las páginas
    "rotacion externa de cadera": "girar el muslo hacia fuera",
    # la pierna que dibuja círculos desde la cadera
    **dict.fromkeys(
        ["circunduccion de cadera", "circunduccion de la cadera"],
        "circulos de pierna desde la cadera",
    ),
    # brazos y piernas en palabras de clínica
    "miembro inferior": "pierna",
    "miembros inferiores": "piernas",
    "miembro superior": "brazo",
    "miembros superiores": "brazos",
    # manos y rodillas en el suelo, como lo dice un fisio
    "cuatro apoyos": "cuadrupedia",
    # las posiciones de la clínica, en las palabras de las páginas ("en decúbito supino" es
    # "boca arriba", "en bipedestación" es "de pie"); "prono" se probó como "boca abajo" y
    # llevó una descripción clínica de la patada con una pierna a la patada doble; dicho con
    # "decúbito" delante (o "ventral"), en cambio, es la posición de la clínica entera
    **dict.fromkeys(["decubito supino", "decubito dorsal", "supino", "supina"], "boca arriba"),
    **dict.fromkeys(["decubito prono", "decubito ventral"], "boca abajo"),
    "decubito lateral": "de lado",
    "bipedestacion": "de pie",
    "densidad osea": "osteoporosis",
    "linea alba": "diastasis",  # la línea media que se separa en la diástasis
    # bajar y subir, en palabras de clínica
    "descenso": "bajar",
    "ascenso": "subir",
    # hacer una versión más fácil o más difícil para alguien, como lo dice un profesor (no
    # "regresarlo" a solas: en América es devolverlo, "bajar un pie y regresarlo")
    **{
        f"{pronombre} {verbo}": f"{pronombre} hago mas facil"
        for pronombre in ("la", "lo", "las", "los")
        for verbo in ("regreso", "regresamos", "regresas")
    },
    **{
        f"{pronombre} {verbo}": f"{pronombre} hago mas dificil"
        for pronombre in ("la", "lo", "las", "los")
        for verbo in ("progreso", "progresamos", "progresas")
    },
    **dict.fromkeys(["progresarla", "progresarlo", "progresarlas", "progresarlos"], "mas dificil"),
    # la cara anterior o posterior de una parte del cuerpo es su parte de delante o de detrás
    **{
        f"{parte} {lado}": f"{parte} por {llano}"
        for lado, llano in (("anterior", "delante"), ("posterior", "detras"))
        for parte in ("cadera", "muslo", "hombro", "rodilla", "cuello")
    },
    # un puente lateral es una plancha lateral
    "puente lateral": "plancha lateral",
    # el siguiente nivel es la versión más difícil
    **dict.fromkeys(["siguiente nivel", "proximo nivel"], "version mas dificil"),
    # --- posiciones, como las nombra la clínica, en palabras de las páginas ---
    "sedestacion": "sentado",
    **dict.fromkeys(
        ["sedestacion larga", "sedestacion con piernas extendidas", "sentado largo"],
        "sentado con las piernas estiradas",
    ),
    # caderas y rodillas en ángulo recto, espinillas paralelas al suelo: la mesa de las páginas
    **dict.fromkeys(["90 90", "doble mesa", "mesa doble", "triple flexion"], "piernas en mesa"),
    # planchas boca arriba y de lado con los nombres de un fisio (el "apoyo frontal" y el
    # "apoyo dorsal" son ya palabras de las páginas)
    **dict.fromkeys(["plancha supina", "plancha dorsal"], "plancha invertida"),
    "apoyo lateral": "plancha lateral",
    # --- la columna: sus tramos y sus movimientos ---
    **dict.fromkeys(
        ["columna dorsal", "columna toracica", "region dorsal", "region toracica", "zona toracica"],
        "espalda alta",
    ),
    "columna cervical": "cuello",
    # la columna flexionada, girada o movida vértebra a vértebra, con los nombres que le dan
    # las páginas ("flexión de columna", "rotación de columna", "articulación de la columna");
    # las que ya dicen ellas ("rotación de columna", "rodillas flexionadas") se quedan
    **dict.fromkeys(
        [
            "flexion de la columna",
            "flexion espinal",
            "flexion vertebral",
            "flexion lumbar",
            "flexion toracica",
            "flexion de tronco",
        ],
        "flexion de columna",
    ),
    **dict.fromkeys(
        [
            "rotacion de tronco",
            "rotacion del tronco",
            "rotacion toracica",
            "rotacion dorsal",
            "rotacion axial",
            "rotacion vertebral",
            "rotacion espinal",
        ],
        "rotacion de columna",
    ),
    **dict.fromkeys(
        [
            "articulacion segmentaria",
            "articulacion secuencial",
            "articulacion vertebral",
            "articulacion segmentaria de la columna",
            "articulacion secuencial de la columna",
            "articulacion segmentaria de columna",
        ],
        "articulacion de la columna",
    ),
    # la cabeza y los hombros enrollados fuera de la colchoneta
    **dict.fromkeys(
        [
            "flexion cervical",
            "flexion cervicodorsal",
            "flexion craneocervical",
            "flexion cervicotoracica",
        ],
        "cabeza y hombros elevados",
    ),
    **dict.fromkeys(["elongacion axial", "autoelongacion"], "alarga la columna"),
    # un tronco que resiste un movimiento: el de las páginas, que no se arquea ni gira
    **dict.fromkeys(["anti extension", "antiextension"], "resistir el arqueo"),
    **dict.fromkeys(["anti rotacion", "antirrotacion", "antirotacion"], "resistir el giro"),
    **dict.fromkeys(
        ["lumbopelvico", "lumbopelvica", "lumbopelvicos", "lumbopelvicas", "lumbo pelvica"],
        "pelvis y zona lumbar",
    ),
    # la pelvis basculada hacia atrás o hacia delante
    **dict.fromkeys(
        ["retroversion pelvica", "retroversion de pelvis", "retroversion de la pelvis"],
        "bascula la pelvis",
    ),
    **dict.fromkeys(
        ["anteversion pelvica", "anteversion de pelvis", "anteversion de la pelvis"],
        "arquea la zona lumbar",
    ),
    # --- escápulas y brazos ---
    **dict.fromkeys(
        ["depresion escapular", "descenso escapular", "depresion de escapulas"],
        "escapulas hacia abajo",
    ),
    **dict.fromkeys(["elevacion escapular", "elevacion de escapulas"], "hombros hacia las orejas"),
    **dict.fromkeys(
        ["protraccion escapular", "protraccion de escapulas", "abduccion escapular"],
        "escapulas anchas",
    ),
    **dict.fromkeys(
        ["retraccion escapular", "retraccion de escapulas", "aduccion escapular"],
        "juntar las escapulas",
    ),
    **dict.fromkeys(
        ["estabilizacion escapular", "estabilidad escapular", "control escapular"],
        "escapulas estables",
    ),
    **dict.fromkeys(
        [
            "abduccion de hombros",
            "abduccion de hombro",
            "brazos en abduccion",
            "brazos abducidos",
        ],
        "brazos abiertos a los lados",
    ),
    **dict.fromkeys(["flexion de hombros", "flexion de hombro"], "brazos por encima de la cabeza"),
    # --- cadera y rodilla ---
    **dict.fromkeys(
        ["rotacion externa de la cadera", "rotadores externos de cadera"],
        "girar el muslo hacia fuera",
    ),
    **dict.fromkeys(
        ["rotacion interna de cadera", "rotacion interna de la cadera", "rotacion interna"],
        "girar el muslo hacia dentro",
    ),
    **dict.fromkeys(
        ["flexion de rodillas", "flexion de rodilla"],
        "rodillas dobladas",
    ),
    **dict.fromkeys(
        ["extension de rodillas", "extension de rodilla", "rodillas extendidas"],
        "rodillas estiradas",
    ),
    "piernas extendidas": "piernas estiradas",
    # --- los pies ("flexión dorsal" sola puede ser de la espalda, y se queda) ---
    **dict.fromkeys(
        [
            "dorsiflexion",
            "flexion dorsal de tobillo",
            "flexion dorsal de tobillos",
            "flexion dorsal del tobillo",
            "flexion dorsal de los tobillos",
            "pies en flexion dorsal",
            "tobillos en flexion dorsal",
        ],
        "pies flexionados",
    ),
    **dict.fromkeys(
        [
            "flexion plantar",
            "plantiflexion",
            "plantarflexion",
            "pies en flexion plantar",
            "tobillos en flexion plantar",
        ],
        "pies en punta",
    ),
    # --- lados y miembros ---
    **dict.fromkeys(
        ["ipsilateral", "ipsilaterales", "homolateral", "homolaterales"], "del mismo lado"
    ),
    # (MMII y MMSS: las abreviaturas de la historia clínica para los miembros)
    "extremidad inferior": "pierna",
    **dict.fromkeys(["extremidades inferiores", "mmii"], "piernas"),
    "extremidad superior": "brazo",
    **dict.fromkeys(["extremidades superiores", "mmss"], "brazos"),
    # --- músculos y referencias óseas por su nombre anatómico ---
    **dict.fromkeys(["tuberosidades isquiaticas", "tuberosidad isquiatica"], "isquiones"),
    **dict.fromkeys(["iliopsoas", "psoas iliaco"], "flexores de cadera"),
    # --- amplitud del movimiento, como la dice un fisio ---
    **dict.fromkeys(
        ["amplitud de movimiento", "rango articular", "recorrido articular"],
        "rango de movimiento",
    ),
}

# Words skipped when looking for cue phrases ("como se hace el teaser" reads "como se hace").
CUE_FILLERS: frozenset[str] = frozenset(
    "el la lo los las un una esto eso este ese mi mis realmente exactamente basicamente".split()
)

# Stems the Snowball stemmer gets wrong: "patas" (on all fours) is no "patada" (kick),
# "sentada" (sitting) no "sentir" (to feel), "doble" no "doblada", and "balanceo" is
# "balancear".
STEMS: dict[str, str] = {
    # Alternar (por turnos) no pide otra versión: "alternando" se quedaría en el stem de
    # "alternativa".
    **dict.fromkeys(
        "alternar alternando alterna alternas alternamos alternan alternado alternada "
        "alternados alternadas alternadamente alterne alternes alternen alterno alternos".split(),
        "alternar",
    ),
    # "reparte el peso" is "repartir", no "repar" with a "te" written onto it
    "reparte": "repart",
    "comparte": "compart",
    "imparte": "impart",
    "pata": "pata",
    "patas": "pata",
    # "de pie" (standing) is no "pies" (feet)
    "pie": "pie",
    "sentar": "sentar",
    "sentada": "sentar",
    "sentado": "sentar",
    "sentadas": "sentar",
    "sentados": "sentar",
    "sentarme": "sentar",
    "sentarse": "sentar",
    "sentarte": "sentar",
    "sentandome": "sentar",
    "sientate": "sentar",
    "sedestacion": "sentar",  # the clinician's word for sitting ("en sedestación")
    "balanceo": "balanc",  # as "balancear", "balancearme"
    # "piernas en mesa" (tabletop) is no "mes" (month)
    "mesa": "mesa",
    "mesas": "mesa",
    # "abrir" is too short for the stemmer: every form stays apart
    **dict.fromkeys(
        "abre abres abren abro abrir abrirla abrirlo abriendo abierta abierto abiertas".split(),
        "abr",
    ),
    "balanceos": "balanc",
    # Los verbos en -ear pierden la "e" en unas formas y no en otras ("balancea" y
    # "balancean"): todas, como el infinitivo que usan las páginas ("Balancear la pelvis")
    **dict.fromkeys(
        "balancea balanceas balancean balancee balancees balanceen balanceando balancear "
        "balancearse balancearte balancearme".split(),
        "balanc",
    ),
    # "separa", "separan" no son un subjuntivo en "-ara" de "sep": separar, como en "Separar
    # las piernas"
    **dict.fromkeys("separa separas separan".split(), "separ"),
    # "pared" (wall) is no "para" (a stop word), nor "nadar" (to swim) "nada" (nothing)
    "pared": "pared",
    "paredes": "pared",
    "doble": "doble",  # double, not "doblar" (to bend)
    "dobles": "doble",
    # "piernas estiradas" (straight legs) and "estiras el brazo" (you reach) are everywhere in
    # descriptions; "estiramiento" (a stretch) is the word in the names.
    **dict.fromkeys("estirada estiradas estirado estirados".split(), "estirado"),
    **dict.fromkeys(
        "estira estiras estiran estiro estirar estirarse estirate estirando estiramos".split(),
        "estirar",
    ),
}

# Diminutives people chat in ("la tripita", "un bultito"): suffix -> what the base word ends
# in. Tried in order, and only kept when the content uses the base word.
DIMINUTIVES: tuple[tuple[str, str], ...] = (
    ("quitos", "cos"),
    ("quitas", "cas"),
    ("quito", "co"),
    ("quita", "ca"),
    ("citos", "zos"),
    ("citas", "zas"),
    ("cito", "zo"),
    ("cita", "za"),
    ("itos", "os"),
    ("itas", "as"),
    ("ito", "o"),
    ("ita", "a"),
    ("illos", "os"),
    ("illas", "as"),
    ("illo", "o"),
    ("illa", "a"),
)

# Words that mean the same thing to a learner; each maps to a canonical word (before stemming).
SYNONYMS: dict[str, str] = {
    # subir a base de carrerilla o de inercia es el impulso del que avisan las páginas
    **dict.fromkeys("carrerilla carrerita inercia impetu".split(), "impulso"),
    # dolor y molestias
    "duele": "dolor",
    "mata": "dolor",  # "la espalda me mata", "me matan las muñecas"
    "matan": "dolor",
    # un golpe dicho como suena: "hago clonc contra el suelo", "pum"
    **dict.fromkeys("golpes golpeo golpeas golpea clonc clonk pum pam toc".split(), "golpe"),
    "duelen": "dolor",
    "doler": "dolor",
    "doliendo": "dolor",  # "me está doliendo"
    "duela": "dolor",
    "duelan": "dolor",
    "dolores": "dolor",
    "molesta": "dolor",
    "molestan": "dolor",
    "molestia": "dolor",
    "molestias": "dolor",
    "tiron": "dolor",
    "pinchazo": "dolor",
    "pinchazos": "dolor",
    "dolorido": "dolor",
    "dolorida": "dolor",
    # ...como se dice en América
    **dict.fromkeys("adolorido adolorida adoloridos adoloridas".split(), "dolor"),
    "resiente": "dolor",
    # lo que queda dolorido después ("me quedó el hombro resentido")
    **dict.fromkeys("resentido resentida resentidos resentidas".split(), "dolor"),
    # "me revienta las rodillas": me las deja doloridas
    "revienta": "dolor",
    "revientan": "dolor",
    "carga": "dolor",
    **dict.fromkeys("cargado cargada cargados cargadas doloridos doloridas".split(), "dolor"),
    # ...y dicho en superlativo ("los hombros cargadísimos")
    **dict.fromkeys("cargadisimo cargadisima cargadisimos cargadisimas".split(), "dolor"),
    "cargan": "dolor",
    "pincha": "dolor",
    "pinchan": "dolor",
    **dict.fromkeys("pellizco pellizcos pellizca pellizcan".split(), "dolor"),
    "tira": "tension",
    "tiran": "tension",
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
    **dict.fromkeys(
        "inspira inspiras inspiramos inspiran espira espiras espiramos espiran inhala inhalas "
        "inhalamos inhalan exhala exhalas exhalamos exhalan respiras respiramos respiran "
        "inspiracion espiracion inhalacion exhalacion".split(),
        "respiracion",
    ),
    # rotar el tronco es girarlo ("¿cuánto tengo que rotar?", "¿hasta dónde giro?")
    # ("rota", "rotas" también son "roto": una costilla rota)
    **dict.fromkeys("rotar rotan rotando rotamos".split(), "girar"),
    # partes del cuerpo
    "lumbar": "espalda",
    "lumbares": "espalda",
    **dict.fromkeys("coxis coccix rabadilla".split(), "espalda"),
    # "me duelen los riñones": la zona lumbar, como se dice en la calle
    "rinones": "espalda",
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
    "corto": "acortado",  # "tengo los isquios cortos": shortened muscles
    "cortos": "acortado",
    "corta": "acortado",
    "cortas": "acortado",
    "muneca": "munecas",
    "rodilla": "rodillas",
    "hombro": "hombros",
    "cadera": "caderas",
    # situaciones
    "embarazada": "embarazo",
    "embarazadas": "embarazo",
    "prenatal": "embarazo",
    "posparto": "embarazo",
    "postparto": "embarazo",
    "bebe": "embarazo",
    "trimestre": "embarazo",
    "costado": "lateral",
    # el patrón de respiración, en palabras de fisio ("¿qué patrón respiratorio lleva?")
    **dict.fromkeys("respiratorio respiratoria respiratorios respiratorias".split(), "respiracion"),
    # los omóplatos son las escápulas: las páginas dicen las dos cosas
    **dict.fromkeys(
        "omoplato omoplatos escapula escapulas escapular escapulares".split(), "escapula"
    ),
    # el brazo y la pierna contralaterales son los del lado contrario
    **dict.fromkeys(
        "contralateral contralaterales opuesto opuesta opuestos opuestas".split(), "contrario"
    ),
    # acercar la pierna a la otra es el trabajo de los aductores
    **dict.fromkeys("aduccion aducciones aductor aductores".split(), "aductores"),
    **dict.fromkeys("circunduccion circunducciones".split(), "circulo"),
    # articulaciones gastadas o inflamadas: lo que duele, hasta donde llegan las páginas
    **dict.fromkeys("artrosis artritis osteoartritis osteoartrosis".split(), "dolor"),
    "espondilolistesis": "hernia",
    "estenosis": "hernia",
    "escoliosis": "espalda",
    **dict.fromkeys("lordosis hiperlordosis cifosis hipercifosis".split(), "espalda"),
    **dict.fromkeys("protrusion protrusiones discopatia".split(), "disco"),
    "ciatalgia": "disco",
    **dict.fromkeys("gestacion gestante gestantes".split(), "embarazo"),
    **dict.fromkeys("osteoporotica osteoporotico osteopenica osteopenico".split(), "osteoporosis"),
    "diastasis": "embarazo",
    "osteopenia": "osteoporosis",
    **dict.fromkeys("densitometria densitometrias".split(), "osteoporosis"),
    "huesos": "osteoporosis",
    "hernia": "disco",
    "ciatica": "disco",
    # una raíz nerviosa pinzada: la ciática en palabras de fisio
    **dict.fromkeys("radiculopatia radicular".split(), "disco"),
    "lesion": "lesionado",
    "lesiones": "lesionado",
    # sensaciones y esfuerzo
    "siento": "sentir",
    "noto": "sentir",
    "notar": "sentir",
    "trabajando": "sentir",  # "¿qué músculos deberían estar trabajando?": dónde se nota
    "sensacion": "sentir",
    "tiembla": "temblar",
    # tiritar: temblar, en Chile y otros lugares ("me tiritan las piernas")
    **dict.fromkeys("tiritan tirita tiritando tiritar".split(), "temblar"),
    "tiemblan": "temblar",
    "temblor": "temblar",
    "calambres": "calambre",
    # patalear es batir las piernas ("pataleas alternando rapidito": la natación)
    **dict.fromkeys(
        "patalear pataleas patalea pataleo pataleando pataleamos patalean".split(), "batidas"
    ),
    # "se me acalambra el muslo": el verbo del calambre
    **dict.fromkeys(
        "acalambra acalambran acalambro acalambrado acalambrada acalambrados acalambradas "
        "acalambrarse".split(),
        "calambre",
    ),
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
    "contraindicada": "riesgo",
    "contraindicados": "riesgo",
    "contraindicadas": "riesgo",
    "contraindicacion": "riesgo",
    "contraindicaciones": "riesgo",
    "peligrosa": "riesgo",
    "riesgos": "riesgo",
    "desaconsejado": "riesgo",
    "desaconsejada": "riesgo",
    "precaucion": "riesgo",
    "precauciones": "riesgo",
    "perjudicial": "riesgo",
    "seguros": "riesgo",
    "seguras": "riesgo",
    "mismo": "comparar",
    "misma": "comparar",
    "diferencia": "comparar",
    "diferente": "comparar",
    "vs": "comparar",
    "versus": "comparar",
    "iguales": "comparar",
    "distinto": "comparar",
    "distinta": "comparar",
    "distintos": "comparar",
    "diferencias": "comparar",
    "diferentes": "comparar",
    "parecido": "comparar",
    "parecida": "comparar",
    "similar": "comparar",
    "similares": "comparar",
    "comparacion": "comparar",
    # dónde y cómo se mueve
    "suelo": "esterilla",
    "colchoneta": "esterilla",
    "levantan": "levanta",
    # subir, elevar y levantar una pierna son lo mismo, en todas sus formas; que la espalda
    # se despegue de la colchoneta no es subirla
    **dict.fromkeys(
        "sube subes suben subo subimos subir subiendo subirla subirlo subirlas subirlos "
        "subirte suba subas suban eleva elevas elevan elevo elevamos elevar elevando elevala "
        "elevalo elevarla elevarlo elevarlas elevarlos eleve eleves eleven elevada elevadas "
        "elevado elevados".split(),
        "levanta",
    ),
    "mareo": "mareado",
    "vahido": "mareado",
    "aturdida": "mareado",
    "aturdido": "mareado",
    "mareada": "mareado",
    "mareos": "mareado",
    # tambalearse o bambolearse de un lado a otro es balancearse, como dicen las páginas
    **dict.fromkeys(
        "tambalea tambaleas tambalean tambaleo tambalear tambaleando bambolea bamboleas "
        "bambolean bamboleo bambolear bamboleando".split(),
        "balancear",
    ),
    # las formas de caer que el stemmer no junta ("se me va cayendo la cadera")
    **dict.fromkeys("cayendo cayo cayeron caia caian caido caida caidas caidos".split(), "caer"),
    "cae": "caer",
    "caen": "caer",
    "caigo": "caer",
    "caes": "caer",
    "cuelga": "caer",
    "estampo": "caer",  # "me estampo contra el suelo": crash down
    "estrello": "caer",
    # desplomarse es caer ("me desplomo", "desplomarse en la inclinación")
    **dict.fromkeys(
        "desplomo desploma desploman desplomas desplomar desplomando desplomado desplomada".split(),
        "caer",
    ),
    # posiciones
    "patas": "cuadrupedia",  # "a cuatro patas"
    "gatas": "cuadrupedia",  # "a gatas"
    "dentro": "interno",  # "la parte de dentro del muslo"
    "interna": "interno",
    "interior": "interno",
    "encima": "arriba",  # "los brazos por encima de la cabeza"
    # Lo que se dice distinto a un lado y otro del Atlántico: "acostarse" (tumbarse), "el piso"
    # (el suelo), "parado" (de pie), "la panza"
    **dict.fromkeys(
        "acostado acostada acostados acostadas acostarse acostarte acostate acuestate acuesto "
        "acuestas acuesta acostas acostamos".split(),
        "tumbado",
    ),
    "piso": "esterilla",
    # echarse es tumbarse ("echada boca arriba")
    **dict.fromkeys("echado echada echados echadas".split(), "tumbado"),
    "panza": "abdominales",
    # la tripa que se abomba en el centro al subir: un bulto, se diga como se diga
    **dict.fromkeys("cresta crestas bultito abombamiento abombada abombado".split(), "bulto"),
    # la cola, las nalgas, las pompas, el poto: los glúteos
    **dict.fromkeys("cola colita nalga nalgas pompa pompas poto culete".split(), "gluteos"),
    # nadar: lo que hace la natación ("como si estuvieras nadando"); "nada" es otra palabra
    **dict.fromkeys(
        "nadar nadando nado nadas nadamos nadan nadador nadadora nadadores".split(), "natacion"
    ),
    # agarrar (en América, y al hablar) es sujetar: "agarrándote los tobillos"
    **dict.fromkeys(
        "agarra agarras agarran agarro agarrar agarrando agarrate agarrarte agarrarse agarrandote "
        "agarrandose agarrandome agarres agarre agarrada agarrado agarradas agarrados".split(),
        "sujeta",
    ),
    # "hacia adelante" (o "palante", "pa alante") es "hacia delante"
    **dict.fromkeys("adelante alante palante".split(), "delante"),
    # "pa(ra) atrás" dicho en una palabra ("p'atrás", "patrás")
    **dict.fromkeys("patras patra".split(), "atras"),
    # formas: "en equilibrio en V", "en forma de uve" (una letra sola no es palabra, su forma sí)
    "v": "uve",
    # Palabras e imágenes de todos los días para los movimientos que las páginas describen
    # con las suyas, para que un movimiento descrito sin su nombre llegue a su página:
    # el dedo "chiquito" de la mano o del pie es el pequeño de las páginas ("el meñique hacia
    # el dedo chiquito del pie"), y hacerse chiquita es hacerse pequeña
    **dict.fromkeys(
        "chiquito chiquita chiquitos chiquitas chiquitito chiquitita".split(), "pequeno"
    ),
    # serruchar es serrar, como dice la sierra ("como si serraras el dedo pequeño")
    **dict.fromkeys(
        "serruchar serruchando serrucha serruchas serruchan serruche".split(), "serrar"
    ),
    # brazos y piernas que chapotean nadan ("chapoteando como en el agua")
    **dict.fromkeys(
        "chapotear chapoteando chapotea chapoteas chapotean chapoteo".split(), "natacion"
    ),
    # hecho un huevo o una bolita es la bola de las páginas ("redondo como un huevito")
    **dict.fromkeys("huevo huevos huevito huevitos bolita bolitas".split(), "bola"),
    # los redondeles que dibuja una pierna son círculos
    **dict.fromkeys("redondel redondeles".split(), "circulo"),
    # mecerse adelante y atrás es balancearse, como dicen las páginas; un balancín, una mecedora
    **dict.fromkeys(
        "mecer mecerse mecerte meces mece mecen meciendo meciendote meciendose".split(),
        "balancear",
    ),
    **dict.fromkeys("balancin balancines".split(), "mecedora"),
}

# Preguntar dónde debería notarse: una parte pedida y una clase de pregunta a la vez
# (SECTION_CUES y QUESTION_KINDS "feel"), cada tabla con frases suyas además.
_DONDE_SE_NOTA: tuple[str, ...] = (
    "donde tengo que notar",
    "donde tengo que sentir",
    "donde debo notar",
    "donde deberia notar",
    "donde se tiene que notar",
    "donde se deberia notar",
    "donde hay que notar",
    "donde se nota",
    "donde noto",
    "donde tendria que notar",
    "que tengo que notar",
    "que deberia notar",
    # "¿en qué parte se tiene que notar?"
    "en que parte se nota",
    "en que parte del cuerpo se nota",
    "en que parte lo noto",
    "en que parte del cuerpo lo noto",
    "en que zona se nota",
    "que musculos tengo que notar",
    # "¿qué tendría que trabajar en la plancha?": lo que se nota, no para qué sirve
    "que tendria que trabajar",
    "que tiene que trabajar",
    # sentir como notar ("¿dónde se siente el bicho muerto?"), y lo que se supone
    "donde se siente",
    "donde lo siento",
    "donde debo sentir",
    "donde deberia sentir",
    "donde se tiene que sentir",
    "donde se deberia sentir",
    "donde hay que sentir",
    *(
        f"donde se supone que {se} {verb}"
        for se in ("se", "lo")
        for verb in ("nota", "siente", "noto", "siento")
    ),
)

# Phrases that ask for one part of an exercise. Longer phrases win over shorter ones.
SECTION_CUES: dict[str, tuple[str, ...]] = {
    # "¿Cómo evito que se me levante?" pide cómo corregir un problema, no los pasos.
    "fix": (
        "como evito",
        "como puedo evitar",
        "como dejo de",
        "como mantengo",
        "como corrijo",
        "como arreglo",
        "como hago para que no",
        "como hago para no",
        "como hago para mantener",
        "como consigo que",
        "como lo corrijo",
        "como lo evito",
        "como lo arreglo",
        # pedido como sustantivo: "¿cuál es la solución?", "¿alguna solución?"
        "cual es la solucion",
        "que solucion",
        "alguna solucion",
        "como lo soluciono",
        "como soluciono",
    ),
    # Dónde debería notarse pide revisar la forma (la entrada "¿dónde tengo que sentirlo?"),
    # no para qué sirve el ejercicio: ninguna parte, tampoco los beneficios.
    "feel": (
        *_DONDE_SE_NOTA,
        "deberia estar trabajando",
        "deberian estar trabajando",
        "se supone que esta trabajando",
        "deberia notar",
        "deberia sentir",
        "se supone que tengo que notar",
        "se supone que tengo que sentir",
        "tengo que notar",
        "tengo que sentir",
        "debo notar",
        "debo sentir",
        "tendria que notar",
        "tendria que sentir",
    ),
    # Los pasos, cuando no se dice más que el nombre: "sacacorchos como".
    "steps_alone": ("como",),
    # Los beneficios cuando el "para qué" cierra la pregunta ("el serrucho, ¿y eso para qué?");
    # "para que se me quite el dolor" pide otra cosa
    "benefits_closing": ("para que",),
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
        "me ensenas",
        "me ensenarias",
        "ensenarme",
        "tecnica",
        "como va",
        "que tengo que hacer",
        "que hay que hacer",
        "que hago",
        "como se hacen",
        "como arranco",
        "ejecucion",
        "como se ejecuta",
        "posicion inicial",
        "posicion de partida",
    ),
    "tips": (
        "consejos",
        "consejo",
        "trucos",
        "truco",
        "tips",
        "cues",  # la palabra de los instructores, en inglés
        "recomendaciones",
        "en que me fijo",
        "me tengo que fijar",
        "fijarme",
        "fijar",
        "en que pensar",
        "en que me concentro",
        "en que pienso",
        "como mejorar",
        "mejorar",
        "mejoro",
        "mejora",
        "mejorarlo",
        "claves",
        "puntos clave",
        "pautas",
    ),
    # "en vez de" pide otra versión si sigue una cosa, no un movimiento (bot/engine/intent.py)
    "contrast": ("en vez de", "en lugar de"),
    "easier": (
        "mas facil",
        # (not "fácil" alone: "el puente ya me resulta fácil" tells it is easy now, and asks
        # for the harder one)
        "version facil",
        "mas sencillo",
        "mas sencilla",
        "simplificar",
        "regresion",
        "no puedo",
        "no aguanto",  # "no aguanto la sierra"
        "me cuesta",
        "demasiado dificil",
        "muy dificil",
        "bajar el nivel",
        "mas suave",
        # aún fuera de alcance, y cómo llegar ("¿por dónde empiezo?")
        "me queda grande",
        "me queda grandisimo",
        "me queda grandisima",
        "por donde empiezo",
        "por donde empezar",
        "como empiezo",
        "mientras tanto",
    ),
    # Words for another version that do not say which way: both are shown, unless
    # "easier" or "harder" is also said ("a harder version").
    "modifications": (
        "modificacion",
        "modificaciones",
        "variante",
        "variantes",
        "version",
        "adaptar",
        "adaptacion",
        "alternativa",
        "alternativas",
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
        # ya es fácil: se pide la versión siguiente
        "me sale facil",
        "me resulta facil",
        "se me hace facil",
        "me parece facil",
        "intensificar",
        "siguiente nivel",
        "subo la intensidad",
        "subir la intensidad",
        "mas intensidad",
        "me queda corto",
        "se me queda corto",
        "mas reto",
        "mas caña",
    ),
    "mistakes": (
        "errores",
        "compensaciones",
        "compensacion",
        "error",
        "que hago mal",
        "hago mal",
        "lo hago mal",
        "mal",
        "que no hacer",
        "que no tengo que hacer",
        "no tengo que hacer",
        "que no debo hacer",
        "no debo",
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
        "musculatura",
        "agonistas",
        "trabaja",
        "sirve",
        "bueno para",
        "es bueno",
        "tan bueno",
        "ventajas",
        "vale la pena",
        # "¿en qué ayuda la sierra?", "¿la sirena ayuda con la espalda?": lo que ayuda a
        # conseguir; "¿ayuda?" sola, tras un problema, pide ayuda (PLEAS)
        "en que ayuda",
        "ayuda con",
        "ayuda a",
        "ayuda para",
        "ayudaria con",
        "ayudaria a",
        "ayudaria para",
    ),
    "video": (
        "video",
        "videos",
        "verlo",
        "ver como",
        "demostracion",
        "youtube",
    ),
    "overview": (
        "que es",
        "cuentame",
        "informacion",
        "info",
        "describe",
        "resumen",
        "hablame de",
        "cuentame de",
        "ficha",
        # su nivel, que la ficha dice ("¿qué tan difícil es el teaser?")
        "que nivel",
        "que tan dificil",
        "como de dificil",
        "cuan dificil",
    ),
}

# Palabras de las pistas cuyas otras formas son otras palabras: los "pasos" no son "pasar" ni
# "pasas" las piernas por encima, las "claves" no son "clavar" los talones, ni "mejorar" lo
# "mejor" (la raíz de "mejorar" es "mejor": se escriben sus formas).
EXACT_CUES = frozenset(
    {"paso", "pasos", "clave", "claves", "pautas", "mejorar", "mejoro", "mejora", "mejorarlo"}
)

# El tipo de pregunta que hace una frase (bot/languages QuestionKind), comparado por términos:
# un sinónimo dice el tipo de su palabra ("molesta" un dolor, "exhalo" la respiración).
# "¿Hasta dónde bajo?" pregunta cuánto (extent); "¿cuántas veces?", cuánto tiempo o cuántas
# repeticiones (duration), y la frase más larga gana donde empiezan las dos ("cuánto tiempo").
# Condiciones que pueden descartar un ejercicio (Language.conditions)
CONDITIONS: tuple[str, ...] = (
    "embarazo",
    "embarazada",
    "osteoporosis",
    "hernia",
    "disco",
    # ...y "tensión alta", "presión alta", que PHRASES leen como esta palabra
    "hipertension",
    "glaucoma",
    "lesion",
    "operacion",
    "cirugia",
    "tunel carpiano",
    "prolapso",
)

QUESTION_KINDS: dict[QuestionKind, tuple[str, ...]] = {
    "breath": ("respirar", "respiracion", "respiro", "inhalar", "exhalar", "aire"),
    "extent": (
        "hasta donde",
        "hasta que punto",
        "hasta que altura",
        "que altura",  # "¿qué altura es suficiente?"
        "a que altura",
        "cuanto",
        "cuanta",
        "que tan alto",
        "que tan abajo",
        "que tan lejos",
        "como de alto",
        "como de abajo",
        "como de lejos",
        "como de grande",  # "¿cómo de grande es el círculo?", "¿qué tan grande...?"
        "que tan grande",
        "como de ancho",
        "que tan ancho",
        "rango de movimiento",
        "que angulo",
        "cuantos grados",
    ),
    "duration": (
        "cuanto tiempo",
        "cuanto rato",  # "¿cuánto rato la aguanto?": how long, in Spain and the Americas
        "cuantas veces",
        "cuantas repeticiones",
        "cuantos segundos",
        "cuantos minutos",
        "cuantas series",
        "cada cuanto",
        "con que frecuencia",
        "durante cuanto",
    ),
    # Si se puede hacer, con una condición o sin ella ("¿lo puedo seguir haciendo?")
    "safety": (
        "riesgo",
        "seguro",
        "peligroso",
        "contraindicado",
        "recomendable",
        "aconsejable",
        "conviene",  # "¿me conviene?": si es bueno para quien pregunta
        "convendria",
        "puedo hacer",  # no "¿qué puedo hacer?" (fix)
        "puedo seguir",
        "deberia hacer",
        "es bueno para",
        "apta para",  # "¿es apta para una paciente con...?"
        "apto para",
        *CONDITIONS,
    ),
    "feel": _DONDE_SE_NOTA,
    "pain": ("dolor", "duele", "molesta", "pinchazo", "calambre", "hormigueo"),
    "fix": (
        "que puedo hacer",
        "que hago",
        "que tengo que hacer",
        "que deberia hacer",
        "como evito",
        "como puedo evitar",
        "como corrijo",
        "como lo corrijo",
        "como lo soluciono",
        "algun consejo",
        "algun truco",
        "alguna solucion",
        "alguna idea",
        "que cambio",
        "que puedo cambiar",
        "que tengo que cambiar",
        "que deberia cambiar",
        "como lo mejoro",
        "como mejoro",
        "como lo arreglo",
        "como arreglo",
    ),
    "compare": (
        "comparar",
        "diferencia",
        "lo mismo",
        "igual que",
        # un ejercicio con dos nombres ("¿es el mismo con otro nombre?")
        "otro nombre",
        "el mismo",
        "la misma",
        "mismo ejercicio",
    ),
}

# Asking for any exercise rather than a named one: these say so on their own...
# Posiciones del cuerpo, como las dicen la gente y las páginas ("el de a cuatro patas",
# "la patada boca abajo"). Cada página dice la suya en la descripción.
POSITIONS: dict[str, tuple[str, ...]] = {
    # "en cuatro apoyos": manos y rodillas, como lo dice un fisio
    "quadruped": ("cuatro patas", "a gatas", "cuadrupedia", "cuatro apoyos"),
    "prone": (
        "boca abajo",
        "bocabajo",
        "prono",
        "prona",
        "tumbado boca abajo",
        "tumbada boca abajo",
        "acostado boca abajo",
        "acostada boca abajo",
    ),
    "side": (
        "de lado",
        "tumbado de lado",
        "tumbada de lado",
        "acostado de lado",
        "acostada de lado",
        "decubito lateral",
    ),
    "supine": (
        "boca arriba",
        "bocarriba",
        "supino",
        "supina",
        "tumbado boca arriba",
        "tumbada boca arriba",
        "acostado boca arriba",
        "acostada boca arriba",
    ),
    "seated": ("sentado", "sentada", "sentados", "sentadas", "sedestacion"),
    "standing": (
        "de pie",
        "bipedestacion",
        "parado",
        "parada",
        "parados",
        "paradas",
        "te paras",
        "pararse",
        "pararte",
    ),
    "kneeling": ("de rodillas", "arrodillado", "arrodillada"),
}

# Partes del cuerpo donde se nota un problema, con los nombres que la gente les da: una zona
# lumbar que duele la responde la entrada sobre la zona lumbar, no la del cuello. Cadera,
# pelvis y glúteos son un mismo sitio (un glúteo que se despega es la cadera que se levanta);
# la parte delantera de la cadera es parte de él (los flexores, que trabajan cuando el
# abdomen no).
TRIPA = ("tripa", "barriga", "vientre", "panza", "abdomen")
HUNDIRSE = "hunde hunden hundia hundida cae caia caida descuelga descolgada cuelga colgando".split()

BODY_PLACES: dict[str, tuple[str, ...]] = {
    "lower back": (
        "zona lumbar",
        "region lumbar",
        "lumbar",
        "lumbares",
        "riñones",
        "parte baja de espalda",
        "zona baja de espalda",
        "espalda baja",
        "baja espalda",
        "sacro",
        # el final de la columna, que golpea la colchoneta al rodar
        "coxis",
        "coccix",
        "rabadilla",
        # la tripa que se hunde boca abajo (plancha, cuadrupedia) es la zona lumbar que se hunde
        *(f"{verb} {belly}" for belly in TRIPA for verb in HUNDIRSE),
        *(f"{belly} {verb}" for belly in TRIPA for verb in HUNDIRSE),
        *(f"{belly} se {verb}" for belly in TRIPA for verb in HUNDIRSE),
        *(f"{belly} se me {verb}" for belly in TRIPA for verb in HUNDIRSE),
    ),
    "upper back": (
        "espalda alta",
        "parte alta de espalda",
        "zona alta de espalda",
        "zona dorsal",
        "entre omoplatos",
        "entre escapulas",
    ),
    "neck": ("cuello", "nuca", "cervical", "cervicales", "zona cervical"),
    # la cabeza que se adelanta o se cae hacia atrás es trabajo del cuello, como la mandíbula
    "neck/head": ("cabeza",),
    "neck/jaw": ("mandibula", "mandibulas"),
    "chest": ("pecho", "esternon", "pectoral", "pectorales"),
    "abs": ("abdomen", "abdominales", "tripa", "barriga", "vientre", "panza"),
    "shoulders": (
        "hombro",
        "hombros",
        "trapecio",
        "trapecios",
        "omoplato",
        "omoplatos",
        "escapula",
        "escapulas",
        "manguito rotador",
    ),
    "ribs": ("costilla", "costillas", "caja toracica", "parrilla costal"),
    "wrists": ("muñeca", "muñecas", "tunel carpiano"),
    "elbows": ("codo", "codos"),
    "knees": ("rodilla", "rodillas", "rotula", "rotulas"),
    "hips": (
        "cadera",
        "caderas",
        "huesos de cadera",
        "pelvis",
        "gluteo",
        "gluteos",
        "nalga",
        "nalgas",
        "culo",
        "trasero",
        "isquiones",
    ),
    "pelvic floor": ("suelo pelvico", "piso pelvico"),
    "hips/front": (
        "flexor de cadera",
        "flexores de cadera",
        "flexores",
        "parte delantera de cadera",
        "delante de cadera",
        "adelante de cadera",
        "parte de adelante de cadera",
        "parte frontal de cadera",
        "frente de cadera",
        "ingle",
        "ingles",
        "psoas",
    ),
    "hamstrings": (
        "isquio",
        "isquios",
        "isquiotibial",
        "isquiotibiales",
        "femorales",
        "parte de atras de muslo",
        "parte de atras de muslos",
        "parte de atras del muslo",
        "parte posterior de muslo",
        "parte posterior de muslos",
        "parte posterior del muslo",
        "detras de muslo",
        "detras de muslos",
        "detras del muslo",
        "atras de muslo",
        "atras de muslos",
        "atras del muslo",
    ),
    "thighs": (
        "muslo",
        "muslos",
        "cuadriceps",
        "parte delantera de muslo",
        "parte delantera de muslos",
        "cara interna de muslos",
        "aductores",
    ),
    # ("de pie" is standing: the feet are named in the plural)
    "calves": ("gemelo", "gemelos", "pantorrilla", "pantorrillas", "espinilla", "espinillas"),
    # ("pie" solo es también "de pie", estar de pie: el pie que se dice cuál es)
    "feet": (
        "pies",
        "tobillo",
        "tobillos",
        "talon",
        "talones",
        "dedos de pies",
        "pie de apoyo",
        "pie derecho",
        "pie izquierdo",
    ),
}

BODY_DIRECTIONS: tuple[str, ...] = (
    "por encima de cabeza",
    "encima de cabeza",
    "sobre cabeza",
    "detras de cabeza",
    "por detras de cabeza",
    "hacia pecho",
    "al pecho",
    "contra pecho",
    "sobre pecho",
    "hacia gluteos",
    "a gluteos",
    "hacia culo",
    "al culo",
    "sobre tripa",
    "sobre barriga",
    "sobre vientre",
)

RANDOM_CUES: tuple[str, ...] = (
    "aleatorio",
    "aleatoria",
    "al azar",
    "sorprendeme",
    "sorpresa",
    "cualquier ejercicio",
    "algun ejercicio",
    "ejercicio para",
    "ejercicios para",
    "algo para",  # "algo para los oblicuos": un ejercicio para ellos
    "que hago hoy",
    "que puedo hacer",
    "elige tu",
    "escoge tu",
    # que se lo elijan ("elígeme uno", "escoge uno por mí")
    *(
        f"{pick} {one}"
        for pick in ("elige", "escoge", "eligeme", "escogeme")
        for one in ("uno", "algo")
    ),
    "me da igual cual",
    "no me decido",
    "lo que quieras",
    "no se cual elegir",
    "me es igual cual",
    "tira el dado",
    "del dia",
    "que hacer hoy",
    "no se que hacer",
    "dime tu",
    "algo para hacer",
    "algo que hacer",
    "lo que sea",
    "el que sea",
    "la que sea",
    "cualquiera",
    "dime vos",
    "elige vos",
    "random",
)
# Varios ejercicios seguidos: una sesión que cabe en el tiempo pedido (bot/engine/sessions.py).
SESSION_CUES: tuple[str, ...] = (
    "sesion",
    "sesiones",
    "rutina",
    "rutinas",
    "entrenamiento",
    "entreno",
    "clase",
    "practica",
    "secuencia",
    "circuito",
    "programa",
    "cuerpo completo",
    "workout",
    # una lista de ejercicios para seguir ("una tabla de ejercicios"; "tabla" sola es la plancha)
    "tabla de ejercicios",
    "tabla de pilates",
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
    # ...y pidiendo que se la preparen ("hazme una rutina entera")
    "hazme",
    "preparame",
    "ponme",
    "armame",
    "montame",
    "disename",
    # ...o que se lo pasen ("échame un ejercicio", "tírame uno")
    "echame",
    "tirame",
    "lanzame",
    "pasame",
    # ...o algo nuevo ("quiero probar algo nuevo")
    "algo nuevo",
    "algo diferente",
    "probar algo",
)
DOMAIN_WORDS: frozenset[str] = frozenset(
    "ejercicio ejercicios movimiento pilates rutina cosa esterilla".split()
)

# What the pages never speak of (see the English table).
UNCOVERED: tuple[str, ...] = (
    # comida y peso
    "caloria",
    "calorias",
    "kcal",
    "dieta",
    "dietas",
    "proteina",
    "proteinas",
    "nutricion",
    "comer",
    "comiendo",
    "comida",
    "comidas",
    "adelgazar",
    "adelgaza",
    "adelgazo",
    "bajar de peso",
    "perder peso",
    "bajar la panza",
    "quemar grasa",
    "six pack",
    # compras
    "comprar",
    "compro",
    "precio",
    "precios",
    "pedido",
    "devolucion",
    "devolver",
    "reembolso",
    "envio",
    "sujetador",
    # los niños, a los que las páginas no enseñan
    "nino",
    "nina",
    "ninos",
    "ninas",
    # promesas
    "invento",
    "inventor",
    "inventaron",
    "diagnosticar",
    "diagnosticarme",
    "diagnostico",
    "curar",
    "cure",
    "cura",
    "curan",
    # salud que las páginas dejan al médico
    "menstrual",
    "menstruales",
    "menstruacion",
    "dolores de regla",
    "dolor de regla",
    "colicos",
    "migrana",
    "migranas",
    "insomnio",
    "colesterol",
    "diabetes",
    "celulitis",
    "estrenimiento",
    # promesas de aspecto
    "abdominales marcados",
    "marcar abdominales",
    # otros deportes
    "golf",
    "tenis",
    "futbol",
    "baloncesto",
    "cardio",
    "maraton",
    "maratones",
    "triatlon",
    "crossfit",
    "barre",
    "hockey",
    "rugby",
    "voleibol",
    "beisbol",
    "crol",
    "estilo libre",
)

# Preguntar qué se tiene, o si lo tiene que tratar un médico (Language.diagnoses)
DIAGNOSES: tuple[str, ...] = (
    "necesito operarme",
    "tengo que operarme",
    "me tienen que operar",
    "necesito una resonancia",
)

# Preguntar si algo es la causa (Language.cause_cues): un diagnóstico solo si es una dolencia
# ("¿es un síntoma de una hernia?"), no la forma de moverse ("¿una señal de que arqueo?")
CAUSE_CUES: tuple[str, ...] = (
    "un sintoma de",
    "una senal de",
)

# Well-known exercises from gyms and yoga that this library does not have.
FOREIGN_EXERCISES: tuple[str, ...] = (
    "kegel",  # los ejercicios del suelo pélvico: ninguna página de la colchoneta
    "kegels",
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
    "hipopresivos",
    "abdominales hipopresivos",
    "saltos de tijera",
    "plancha con salto",
    "footwork",
    "flexiones de pino",
    "flexiones en pino",
    "parada de manos",
    "parada de cabeza",
    # ...y del gimnasio, las artes marciales y las pesas rusas
    "turkish get up",
    "levantamiento turco",
    "patada circular",
    "patada frontal",
    "arrancada",
    "dominadas lastradas",
    "rueda lateral",
    "patada de burro",
    "patadas de burro",
    "elevaciones de talones",
    "elevacion de talones",
    "remo con barra",
    "remo con mancuerna",
    "jalon al pecho",
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
    "intermedios": "intermediate",
    "intermedias": "intermediate",
    "medio": "intermediate",
    "avanzado": "advanced",
    "avanzada": "advanced",
    "avanzados": "advanced",
    "avanzadas": "advanced",
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
    "sin colchoneta": "none",
    "no tengo esterilla": "none",
    "no tengo colchoneta": "none",
    "ni esterilla": "none",
    "ni colchoneta": "none",
    "no necesite colchoneta": "none",
    "no necesite esterilla": "none",
    "en la oficina": "none",
    "aro": "ring",
    "aro magico": "ring",
    "pelota": "ball",
    "balon": "ball",
    "banda": "band",
    "bandas": "band",
    "gomas": "band",
    "pelotas": "ball",
    "banda elastica": "band",
    "goma": "band",
    "pared": "wall",
    "silla": "chair",
    "bloque": "block",
    "reformer": "reformer",
    # las piezas del reformer, y cómo lo llama la gente: ninguna página se hace con ellas
    **dict.fromkeys(("muelles", "resortes"), "reformer"),
    **dict.fromkeys(("carro", "barra de pies", "cajon", "maquina"), "reformer"),
    # los demás aparatos del estudio: ninguna página se hace en ellos
    **dict.fromkeys(("cadillac", "wunda chair", "silla wunda", "wunda"), "apparatus"),
    **dict.fromkeys(("barril", "corrector de columna"), "apparatus"),
    # pesas y mancuernas: con qué se hace, no lo que pesa algo ("me pesa la espalda")
    **dict.fromkeys("pesas mancuerna mancuernas kettlebell kettlebells".split(), "weights"),
    "bosu": "bosu",
    "rodillo": "roller",
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
    "hora": 3600,
    "horas": 3600,
    "h": 3600,
}
NUMBER_WORDS: dict[str, float] = {
    "media": 0.5,
    "medio": 0.5,
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
    "veinticinco": 25,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "noventa": 90,
}

# Small talk: answered kindly, never matched against exercises (English ones too: people mix).
# Frases que preguntan qué ejercicio es una descripción ("¿cómo se llama el de...?").
NAME_REQUESTS: tuple[str, ...] = (
    "como se llama",
    "que nombre tiene",
    "como se llamaba",
    "como le dicen",
    "como le llaman",
    "como lo llaman",
    "nombre del ejercicio",
    "que ejercicio es",
    "busco el nombre",
    "cual es el nombre",
)

# Las palabras de una petición del nombre tras una descripción ("..., ¿nombre de eso?",
# "¿cuál es su nombre?"), y las que de ellas piden el nombre.
NAMING: frozenset[str] = frozenset(
    "que como cual se llama llaman es ese este eso esto el la ejercicio movimiento nombre de "
    "del uno su en pilates".split()
)
# "¿cuál es?" pide el nombre tanto como "¿qué es?"
NAME_WORDS: frozenset[str] = frozenset("que cual llama llaman nombre ejercicio movimiento".split())

# Frases que presentan una descripción ("el ejercicio en el que..."): solas preguntan cuál es;
# en un mensaje más largo son el contexto de una pregunta.
DESCRIPTION_MARKERS: tuple[str, ...] = (
    "el ejercicio en el que",
    "el ejercicio donde",
    "ese en el que",
    "uno en el que",
    "el ejercicio en que",
    "ese en que",
    "ese donde",
    "uno en que",
    "aquel en el que",
    "el que",
)

# Un nombre dicho tras estas palabras es contexto cuando el mensaje nombra otro ejercicio (ver
# Language.name_roles): con qué se compara o qué vino antes o después...
NAME_ROLES: dict[str, tuple[str, ...]] = {
    # ...o sus palabras son lo que se hace: "le doy la patada con una pierna al aire" es
    # patear, no el ejercicio de ese nombre
    "doer": ("doy", "das", "da", "damos", "dan", "dando", "dar"),
    "aside": (
        "despues de",
        "despues del",
        "antes de",
        "antes del",
        "antes",
        "como un",
        "como una",
        "en vez de",
        "en vez del",
        "en lugar de",
        "en lugar del",
        "parecido a",
        "parecido al",
        "similar a",
        "similar al",
    ),
    # ...o el que se hace ahora, y los demás lo que vino antes
    "now": (
        "ahora",
        "me pase a",
        "me pase al",
        "pase a",
        "pase al",
        "cambie a",
        "cambie al",
        "empece con",
    ),
    # ...o, dicho justo después, lo sigue la descripción de otro, el nombre siendo su familia
    # o a lo que se parece ("el puente en el que pateas", "un cisne con las piernas arriba")
    "head": (
        "donde",
        "en el que",
        "en la que",
        "en los que",
        "en las que",
        "que se",
        "que te",
        "que haces",
        "que hacemos",
        "variante",
        "variantes",
    ),
}

# No sabe cuál de ellos era (Language.unsure)
UNSURE: tuple[str, ...] = (
    *(
        f"{doubt} {which}"
        for doubt in (
            "no me acuerdo",
            "no recuerdo",
            "no se",
            "ya no se",
            "no estoy segura",
            "no estoy seguro",
        )
        for which in ("si era", "de si era", "cual era", "cual de los dos", "si eran")
    ),
    "o era",
    # lo que quiso decir quien lo enseña ("no sé si el monitor se refería a...")
    *(
        f"no se si {who} {said}"
        for who in (
            "la profe",
            "el profe",
            "la profesora",
            "el profesor",
            "la monitora",
            "el monitor",
        )
        for said in ("decia", "decir", "se referia a", "queria decir")
    ),
)

# Words that point back at what is on screen ("how long should I hold it?").
REFERENCES: frozenset[str] = frozenset(
    ["lo", "la", "los", "las", "esto", "eso", "este", "ese", "esta", "esa"]
)

# Palabras que cuentan un problema ("me duelen las muñecas", "no puedo subir", "se me cae la
# cadera"). Un movimiento también se describe en primera persona ("boca arriba bombeando los
# brazos"): la persona no dice nada, estas palabras sí.
TROUBLE: frozenset[str] = frozenset(
    "duele duelen doler dolor dolores molesta molestan molestia cuesta cuestan puedo consigo "
    "mal tira tiran pincha pinchazo mareo mareos mareada mareado calambre calambres cae caigo "
    "tambaleo tambaleo truena cruje crujido quema arde adormece rigido rigida problema lesion "
    "lesionada lesionado miedo seguro segura normal malo noto siento fatal "
    "queja quejan resiente resienten "  # "la lumbar se me queja", "se me resiente la rodilla"
    # lo que se ve ir mal: temblar, aletear, darse golpes ("tiemblo entera al subir")
    "tiembla tiemblan tiemblo temblando aletea aletean aleteo aleteando golpe golpes golpeo "
    "desplomo desploma desplomas "
    # ...y los conceptos en que SYNONYMS junta esas palabras
    "caer temblar mareado sentir riesgo tension".split()
)

# Una parte del cuerpo que se mueve como no debe ("se me hunde la cadera", "se me
# despegan las lumbares", "se me suben los hombros")
FAULTS: frozenset[str] = frozenset(
    "hunde hunden hundo hundia hundian cae caen caia caian caer levanta levantan levantaba "
    "levantaban despega despegan despegaba despegaban arquea arquean arqueaba arqueaban "
    "tambalea tambalean tambaleaba bambolea bamboleo bambolean balancea balancean abre "
    "abren abria abrian suben subia subian encoge encogen inclina inclinan tuerce tuercen "
    # ...y las que se separan ("se me separan las rodillas")
    "separa separan separaba separaban".split()
)

# Una parte que gira o se dobla fuera de sitio ("se me gira la cadera", "se me dobla la
# rodilla"): falla solo junto a un lugar, pues en otra parte nombra el movimiento ("gira el
# tronco", "dobla las rodillas"). "rotan" sí, "rota" no: es también lo roto ("la muñeca
# rota"), y su raíz, la de "roto" y "rotas", no diría giro sino rotura
PLACE_FAULTS: frozenset[str] = frozenset(
    "gira giran giraba giraban rotan dobla doblan doblaba doblaban".split()
)

# Imágenes de un fallo, leídas como él solo junto al lugar que pintan (una tienda de campaña no
# es ningún fallo; una tripa como una, sí: el bulto del que hablan las páginas; un culo como
# una, la cadera en pico): palabras que las páginas no usan en ese sentido
_PICOS = "pico picos montana montanas montanita carpa cono conos piramide triangulo"
_GOLPES = "golpean golpeo golpea golpeaban estampan estampo plantan chocan choca pum"
PLACE_IMAGES: dict[str, dict[str, str]] = {
    # la tripa que se levanta por el centro hace un bulto, como dicen las páginas (no "bola":
    # las páginas la usan para el cuerpo recogido, "hecho una bola")
    "abs": dict.fromkeys(
        f"{_PICOS} cresta crestas joroba chichon abomba abomban abombada cupula".split(),
        "bulto",
    ),
    # la cadera o el culo que apuntan arriba en la plancha suben en pico
    "hips": dict.fromkeys("montana montanas montanita carpa piramide triangulo".split(), "pico"),
}

# Palabras que piden ayuda o tranquilidad al final de una historia: "...me duele el cuello.
# ¿Ayuda?", "¿alguna idea?", "¿algún consejo?". "consejo" también pide una parte ("consejos
# para el teaser"): sola tras un problema contado, pide la respuesta a ese problema.
PLEAS: frozenset[str] = frozenset(
    "ayuda ayudame ayudenme ayudar ayudarme auxilio socorro consejo consejos idea ideas "
    "sugerencia sugerencias recomendacion recomendaciones truco trucos tips alguien favor "
    "porfa porfis "
    # ...o tranquilidad: "¿es normal?", "¿es grave?", "¿está bien?"
    "normal grave bien".split()
)

# Palabras que hacen del apartado pedido el general ("los errores típicos", "¿qué suele hacer
# mal la gente?", "¿algún consejo general?"): Language.general_words
GENERAL_WORDS: frozenset[str] = frozenset(
    "habitual habituales habitualmente comun comunes tipico tipicos tipica tipicas "
    "tipicamente general generales gente suele suelen frecuente frecuentes principales "
    "clasico clasicos clasica clasicas mas demas todos "
    # ...y el verbo con que se dicen ("los errores que se suelen cometer")
    "cometer comete cometen".split()
)

# Palabras que abren una pregunta dentro de un mensaje sin puntos, como lo escribe el dictado
# por voz o mucha gente mayor ("tengo 72 años y en el puente me cruje la rodilla qué hago"):
# lo de antes es la historia, ellas y lo que sigue la pregunta. Sin tilde, "como" compara
# ("como una pelota") y "que" une una relativa ("el ejercicio que hago en clase"): escritas
# así, solo cierran el mensaje; y nunca tras `CLAUSE_BINDERS`. Un pronombre delante es suyo
# ("no me puedo sentar"), `OPENER_LEADS`.
QUESTION_OPENERS: tuple[str, ...] = (
    "qué hago",
    "qué puedo",
    "qué debo",
    "qué debería",
    "qué estoy haciendo",
    "qué hay que",
    "qué me recomiendas",
    "qué me recomiendan",
    "cómo hago",
    "cómo puedo",
    "cómo debo",
    "cómo debería",
    "cómo lo hago",
    "cómo le hago",
    "cómo lo corrijo",
    "cómo lo evito",
    "cómo lo soluciono",
    "cómo lo arreglo",
    "cómo evito",
    "cómo corrijo",
    "cómo consigo",
    "cómo mantengo",
    "cómo se hace",
    "por qué",
    "es normal",
    "es malo",
    "es peligroso",
    "es seguro",
    "debo",
    "debería",
    "puedo",
)
# Palabras tras las que una de esas sigue la frase de antes: "no puedo", "lo que debo", "cada
# vez que hago", "siempre que puedo", "si debo".
CLAUSE_BINDERS: frozenset[str] = frozenset(
    "no ni lo que o vez siempre si mientras ya tan tanto mas menos todo".split()
)
OPENER_LEADS: frozenset[str] = frozenset("me te se nos le les lo la los las".split())

# La propia experiencia ("me doy en el cuello"): un problema, salvo que el mensaje describa
# una posición del cuerpo, como hace una descripción ("boca arriba bombeando los brazos").
SPEAKER: frozenset[str] = frozenset("yo me mi mis conmigo".split())

# "una foca en la playa", "afilar una sierra": una cosa entre muchas; el ejercicio es "la foca"
# o "foca". No tras un verbo de hacerlo, de pasar a él, de ser o parecer, o una comparación
# ("como una foca").
INDEFINITE: frozenset[str] = frozenset("un una".split())
# Los verbos de hacer un ejercicio: un nombre dicho tras uno, con su artículo o sin él, es el
# nombre de lo que se hace ("hago el giro de columna cada mañana").
DOING: frozenset[str] = frozenset(
    "hacer hago haces hace hacemos haceis hacen haciendo hice hizo hiciste hecho intentar "
    "intento intentas intentando practicar practico practicando aprender aprendo ensenar "
    "ensename".split()
)
EXERCISE_LEADS: frozenset[str] = DOING | frozenset(
    "probar pruebo probando mantener mantengo aguantar aguanto anadir anado "
    "terminar empezar a hacia hasta desde luego despues antes como "
    # lo que es o parece nombra tanto como señala ("como si fueras una foca")
    "es son era eran eres soy ser sea seas fuera fueras fuese parece pareces parecer".split()
)


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

# The pages' section headings, folded, and the part each holds.
# The regular forms of nouns, adjectives and verbs (see Language.inflections): plurals, the
# feminine, and each tense of the three conjugations, from a stem to which "ar", "er" or "ir"
# makes the infinitive ("habl": "hablo", "hablaba", "hablando"; "com": "comieron").
INFLECTIONS: dict[str, str] = {
    "": "s es",
    "z": "ces",
    "o": "a os as",
    "ar": """
    o as a amos ais an e aste o aron aba abas abamos abais aban e es emos eis en ara aras
    aramos arais aran ase ases asemos aseis asen ando ado ada ados adas ad are aras ara aremos
    areis aran aria arias ariamos ariais arian
    """,
    "er": """
    o es e emos eis en i iste io imos isteis ieron ia ias iamos iais ian a as amos ais an iera
    ieras ieramos ierais ieran iese ieses iesemos ieseis iesen iendo yendo ido ida idos idas ed
    ere eras era eremos ereis eran eria erias eriamos eriais erian
    """,
    "ir": """
    o es e imos is en i iste io imos isteis ieron ia ias iamos iais ian a as amos ais an iera
    ieras ieramos ierais ieran iese ieses iesemos ieseis iesen iendo yendo ido ida idos idas id
    ire iras ira iremos ireis iran iria irias iriamos iriais irian
    """,
}
# Vowels that change in a verb's stem ("puedo": "poder", "sirvo": "servir", "duermo":
# "dormir") and letters written otherwise before some endings ("empecé": "empezar", "toqué":
# "tocar", "llegué": "llegar", "cojo": "coger", "conozco": "conocer", "tengo": "tener").
STEM_CHANGES: tuple[tuple[str, str], ...] = (
    ("ie", "e"),
    ("ue", "o"),
    ("i", "e"),
    ("u", "o"),
    ("c", "z"),
    ("qu", "c"),
    ("gu", "g"),
    ("j", "g"),
    ("zc", "c"),
    ("g", ""),
)

SECTION_HEADINGS: dict[str, str] = {
    "beneficios": "benefits",
    "errores comunes a evitar": "mistakes",
    "errores comunes": "mistakes",
    "errores a evitar": "mistakes",
    "consejos para el exito": "tips",
    "consejos": "tips",
}

LANGUAGE = register(
    Language(
        code="es",
        name="Español",
        stemmer="spanish",
        spelling="es",
        stop_words=STOP_WORDS,
        name_fillers=NAME_FILLERS,
        shorthand=SHORTHAND,
        phrases=PHRASES,
        jargon=JARGON,
        cue_fillers=CUE_FILLERS,
        stems=STEMS,
        attached_pronouns=("te", "se"),
        imperative_endings=("a", "e"),
        infinitive_pronouns=("lo", "la", "los", "las", "le", "les", "me", "te", "se", "nos"),
        infinitive_endings=("ar", "er", "ir"),
        gerund_endings=("ando", "iendo", "yendo"),
        # palabras que terminan como un gerundio sin serlo
        not_gerunds=frozenset("cuando mando comando blando bando contrabando remiendo".split()),
        inflections=INFLECTIONS,
        stem_changes=STEM_CHANGES,
        conditions=CONDITIONS,
        diminutives=DIMINUTIVES,
        synonyms=SYNONYMS,
        section_cues=SECTION_CUES,
        question_kinds=QUESTION_KINDS,
        exact_cues=EXACT_CUES,
        plural_endings=("s", "es"),
        section_headings=SECTION_HEADINGS,
        positions=POSITIONS,
        body_places=BODY_PLACES,
        body_directions=BODY_DIRECTIONS,
        # Spanish names no part with a word that is also a verb of moving ("consejos")
        motion_particles=frozenset(),
        pain="dolor",
        random_cues=RANDOM_CUES,
        weak_random_cues=WEAK_RANDOM_CUES,
        session_cues=SESSION_CUES,
        question_words=frozenset(
            "como que por porque cuando donde cual cuales quien cuanto cuanta cuantos cuantas "
            "es son esta estan debo deberia hay puedo".split()
        ),
        relatives=frozenset(
            "donde cuando cual cuales quien que como es son esta estan hay por".split()
        ),
        question_openers=QUESTION_OPENERS,
        clause_binders=CLAUSE_BINDERS,
        opener_leads=OPENER_LEADS,
        session_lengths={
            "corta": 10,
            "corto": 10,
            "rapida": 10,
            "rapido": 10,
            "larga": 30,
            "largo": 30,
            "completa": 30,
        },
        domain_words=DOMAIN_WORDS,
        foreign_exercises=FOREIGN_EXERCISES,
        uncovered=UNCOVERED,
        diagnoses=DIAGNOSES,
        cause_cues=CAUSE_CUES,
        illness_endings=("itis", "osis", "algia", "patia"),  # "escoliosis", "lumbalgia"
        difficulty_words=DIFFICULTY_WORDS,
        muscle_words=MUSCLE_WORDS,
        equipment_words=EQUIPMENT_WORDS,
        done_with=frozenset("en con sobre usando encima".split()),
        bound_words=BOUND_WORDS,
        lasting_words=frozenset("dure duren dura duran durar lleve lleva tarde tarda".split()),
        level_words=frozenset({"nivel", "niveles"}),
        being=frozenset({"es", "son"}),
        closing_bounds=frozenset({"menos", "max", "maximo", "mucho", "sumo"}),
        bound_joiners=frozenset({"o", "como", "a", "lo", "al"}),
        time_units=TIME_UNITS,
        age_leads=frozenset(),  # (an age is no "70s" in Spanish: "los 70", "mayores de 70")
        number_words=NUMBER_WORDS,
        name_requests=NAME_REQUESTS,
        description_markers=DESCRIPTION_MARKERS,
        name_roles=NAME_ROLES,
        unsure=UNSURE,
        counts={
            **dict.fromkeys("una un uno otra otro cada".split(), 1),
            **dict.fromkeys("ambas ambos dos".split(), 2),
        },
        counts_after={
            **dict.fromkeys(
                "contraria contrario opuesta opuesto derecha derecho izquierda izquierdo".split(), 1
            ),
        },
        limbs=frozenset("pierna piernas brazo brazos rodilla rodillas pie pies mano manos".split()),
        existence=(
            "hay alguna",
            "hay algun",
            "hay otra",
            "hay otro",
            "hay forma",
            "hay manera",
            "existe",
            "otra forma",
            "otra manera",
            "que otra cosa",
            "que mas puedo",
        ),
        naming=NAMING,
        name_words=NAME_WORDS,
        choosing=frozenset(["cual"]),
        references=REFERENCES,
        pronouns=frozenset(),
        trouble=TROUBLE,
        faults=FAULTS,
        place_faults=PLACE_FAULTS,
        place_images=PLACE_IMAGES,
        image_parts=frozenset(),  # "forma de pico": la imagen misma se dice con "de"
        pleas=PLEAS,
        asking_what=frozenset({"que", "cual", "cuales", "como"}),
        general_words=GENERAL_WORDS,
        purpose_binders=frozenset({"para"}),
        speaker=SPEAKER,
        # (the article-like "la", "los", "las" left out: "la sierra la hago...")
        objects=frozenset("lo esto eso este ese esta esa".split()),
        addressee=frozenset("tu tus te ti usted".split()),
        indefinite=INDEFINITE,
        exercise_leads=EXERCISE_LEADS,
        doing=DOING,
        greetings=GREETINGS,
        thanks=THANKS,
        small_talk=SMALL_TALK,
    )
)
