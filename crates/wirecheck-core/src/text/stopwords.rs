//! Function words of the languages other than English, in the normalized form that words take
//! for matching (lower case, Latin diacritics removed, `ß` as `ss`, elided articles split off),
//! each list sorted for binary search (a test checks it). Like the English list in
//! [`super::terms`]: articles, pronouns, prepositions, auxiliaries, reporting verbs ("dijo",
//! "sagte") and time words ("hier", "ieri"): what any two news sentences of the language share.

/// French function words.
#[rustfmt::skip]
pub(super) const FRENCH: &[&str] = &[
    "a", "afin", "ai", "aient", "ainsi", "ajoute", "alors", "apres", "au", "aucun", "aucune",
    "aujourdhui", "aupres", "aussi", "autre", "autres", "aux", "avaient", "avait", "avant", "avec",
    "avoir", "avons", "ayant", "c", "ca", "car", "ce", "ceci", "cela", "celle", "celles", "celui",
    "cependant", "ces", "cet", "cette", "ceux", "chaque", "chez", "comme", "comment", "d", "dans",
    "de", "declare", "depuis", "des", "devant", "dit", "doit", "donc", "dont", "du", "durant",
    "elle", "elles", "en", "encore", "entre", "est", "et", "etaient", "etait", "ete", "etre", "eu",
    "eux", "explique", "faire", "fait", "fois", "font", "hier", "il", "ils", "indique", "j", "je",
    "jusqu", "l", "la", "le", "les", "leur", "leurs", "lors", "lorsqu", "lui", "m", "ma", "mais",
    "me", "meme", "mes", "moi", "moins", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on",
    "ont", "ou", "par", "parmi", "pas", "pendant", "peu", "peut", "plus", "plusieurs", "pour",
    "pourquoi", "precise", "puis", "puisqu", "qu", "quand", "que", "quel", "quelle", "quelles",
    "quels", "qui", "s", "sa", "sans", "se", "selon", "ses", "si", "son", "sont", "sous", "sur",
    "t", "ta", "tandis", "te", "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "tres",
    "tu", "un", "une", "vers", "vos", "votre", "vous", "y",
];

/// German function words.
#[rustfmt::skip]
pub(super) const GERMAN: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "andere",
    "anderen", "auch", "auf", "aus", "bei", "beim", "bereits", "bis", "bisher", "da", "dabei",
    "dadurch", "dafur", "damit", "dann", "darauf", "das", "dass", "dem", "den", "denen", "denn",
    "der", "deren", "des", "dessen", "die", "dies", "diese", "diesem", "diesen", "dieser",
    "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines",
    "er", "erklarte", "es", "etwa", "euch", "fur", "gegen", "gestern", "habe", "haben", "hat",
    "hatte", "hatten", "heute", "hier", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem",
    "ihren", "ihrer", "im", "in", "ist", "ja", "jedoch", "jetzt", "kann", "kein", "keine",
    "konnte", "mehr", "mit", "muss", "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne",
    "sagt", "sagte", "schon", "sei", "seien", "sein", "seine", "seinem", "seinen", "seiner",
    "seit", "sich", "sie", "sind", "so", "soll", "sollen", "sowie", "uber", "um", "und", "uns",
    "unter", "vom", "von", "vor", "war", "waren", "was", "weil", "weiter", "wenn", "werden", "wie",
    "wieder", "will", "wir", "wird", "wurde", "wurden", "zu", "zum", "zur", "zwischen",
];

/// Spanish function words.
#[rustfmt::skip]
pub(super) const SPANISH: &[&str] = &[
    "a", "al", "algo", "algunos", "anadio", "ante", "antes", "asi", "aun", "aunque", "ayer",
    "cada", "como", "con", "contra", "cual", "cuando", "de", "del", "desde", "dijo", "donde",
    "durante", "e", "el", "ella", "ellas", "ellos", "en", "entre", "era", "eran", "es", "esa",
    "esas", "ese", "eso", "esos", "esta", "estaba", "estan", "estas", "este", "esto", "estos",
    "explico", "fue", "fueron", "ha", "habia", "han", "hasta", "hay", "hoy", "indico", "la", "las",
    "le", "les", "lo", "los", "mas", "me", "mientras", "mismo", "muy", "ni", "no", "nos", "o",
    "otra", "otras", "otro", "otros", "para", "pero", "poco", "por", "porque", "que", "quien",
    "se", "segun", "senalo", "ser", "si", "sin", "sino", "sobre", "son", "su", "sus", "tambien",
    "tiene", "todo", "todos", "tras", "u", "un", "una", "unas", "uno", "unos", "y", "ya",
];

/// Portuguese function words.
#[rustfmt::skip]
pub(super) const PORTUGUESE: &[&str] = &[
    "a", "acrescentou", "adiantou", "ao", "aos", "apos", "as", "ate", "com", "como", "da", "das",
    "de", "dela", "dele", "deles", "depois", "disse", "do", "dos", "e", "ela", "elas", "ele",
    "eles", "em", "entre", "era", "eram", "esta", "estao", "estava", "este", "estes", "eu",
    "explicou", "foi", "foram", "ha", "hoje", "isso", "isto", "ja", "la", "lhe", "mais", "mas",
    "me", "mesmo", "muito", "na", "nao", "nas", "nem", "no", "nos", "o", "ontem", "os", "ou",
    "para", "pela", "pelas", "pelo", "pelos", "por", "porque", "quando", "que", "quem", "referiu",
    "se", "segundo", "sem", "ser", "seu", "seus", "sobre", "sua", "suas", "tambem", "tem", "ter",
    "um", "uma", "umas", "uns",
];

/// Italian function words.
#[rustfmt::skip]
pub(super) const ITALIAN: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "all", "alla", "alle", "allo", "anche", "ancora", "che", "chi",
    "ci", "come", "con", "contro", "cosi", "da", "dai", "dal", "dall", "dalla", "dalle", "degli",
    "dei", "del", "dell", "della", "delle", "dello", "detto", "di", "dichiarato", "dopo", "dove",
    "e", "ed", "era", "erano", "fra", "gia", "gli", "ha", "hanno", "i", "ieri", "il", "in", "io",
    "la", "le", "lo", "loro", "lui", "ma", "mentre", "molto", "ne", "nei", "nel", "nell", "nella",
    "nelle", "non", "o", "oggi", "ogni", "per", "perche", "piu", "poi", "prima", "qual", "quale",
    "quando", "quell", "quella", "quelle", "quello", "quest", "questa", "queste", "questo", "qui",
    "se", "secondo", "si", "sia", "sono", "spiegato", "stata", "stato", "su", "sua", "sul", "sull",
    "sulla", "suo", "suoi", "tra", "tutti", "tutto", "un", "una", "uno",
];
