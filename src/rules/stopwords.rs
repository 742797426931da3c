//! Stop words: the commonest function words of each language served.
//!
//! The classifier reads prose by its stop-word density (a real sentence is
//! about a third function words; a menu or a list of names has almost
//! none) and guesses the page language from which list hits most. Lists
//! are lower case, sorted, about a hundred words each; enough to measure
//! density, not a full stop list.

/// en
#[rustfmt::skip]
pub(crate) const STOP_EN: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "during", "each",
    "even", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "just", "like", "may", "me", "more", "most", "my",
    "new", "no", "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "over",
    "said", "same", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why",
    "will", "with", "would", "you", "your",
];

/// de
#[rustfmt::skip]
pub(crate) const STOP_DE: &[&str] = &[
    "aber", "alle", "allem", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "beim", "bin",
    "bis", "bist", "da", "damit", "dann", "das", "dass", "dem", "den", "denn", "der", "des",
    "dich", "die", "dies", "diese", "diesem", "diesen", "dieser", "doch", "dort", "du", "durch",
    "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa", "für", "gegen", "haben",
    "hat", "hatte", "hier", "ich", "ihm", "ihn", "ihr", "ihre", "im", "in", "ist", "ja", "jetzt",
    "kann", "kein", "keine", "man", "mehr", "mich", "mir", "mit", "muss", "nach", "nicht", "noch",
    "nun", "nur", "ob", "oder", "ohne", "schon", "sehr", "sein", "seine", "sich", "sie", "sind",
    "so", "soll", "sondern", "um", "und", "uns", "unter", "vom", "von", "vor", "war", "waren",
    "was", "weil", "wenn", "wer", "werden", "wie", "wieder", "will", "wir", "wird", "wurde",
    "wurden", "zu", "zum", "zur", "zwischen", "über",
];

/// fr
#[rustfmt::skip]
pub(crate) const STOP_FR: &[&str] = &[
    "au", "aussi", "aux", "avait", "avec", "c", "ce", "cela", "ces", "cet", "cette", "comme", "d",
    "dans", "de", "des", "deux", "donc", "du", "elle", "elles", "en", "encore", "est", "et", "il",
    "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "mais", "me", "mes",
    "moi", "même", "n", "ne", "nos", "notre", "nous", "on", "ont", "ou", "où", "par", "pas",
    "plus", "pour", "qu", "que", "qui", "s", "sa", "sans", "se", "ses", "si", "son", "sont", "sur",
    "ta", "te", "tes", "toi", "ton", "tous", "tout", "très", "tu", "un", "une", "vos", "votre",
    "vous", "y", "à", "été", "être",
];

/// es
#[rustfmt::skip]
pub(crate) const STOP_ES: &[&str] = &[
    "a", "al", "algo", "algunos", "ante", "antes", "como", "con", "contra", "cual", "cuando", "de",
    "del", "desde", "donde", "dos", "durante", "e", "el", "ella", "ellas", "ellos", "en", "entre",
    "era", "es", "esa", "ese", "eso", "esta", "estaba", "estado", "este", "esto", "estos", "están",
    "fue", "fueron", "ha", "había", "han", "hasta", "hay", "la", "las", "le", "les", "lo", "los",
    "me", "mi", "muy", "más", "nada", "ni", "no", "nos", "o", "otra", "otros", "para", "pero",
    "poco", "por", "porque", "que", "qué", "se", "sea", "ser", "si", "sido", "sin", "sobre", "son",
    "su", "sus", "también", "tiene", "todo", "todos", "tu", "un", "una", "uno", "unos", "y", "ya",
];

/// it
#[rustfmt::skip]
pub(crate) const STOP_IT: &[&str] = &[
    "a", "ad", "agli", "al", "alla", "alle", "anche", "ancora", "avere", "c", "che", "chi", "ci",
    "come", "con", "contro", "cui", "da", "dal", "dalla", "dei", "del", "della", "delle", "dello",
    "di", "dove", "e", "ed", "era", "erano", "essere", "fa", "gli", "ha", "hanno", "i", "il", "in",
    "io", "la", "le", "lei", "lo", "loro", "lui", "ma", "mi", "molto", "ne", "nei", "nel", "nella",
    "nelle", "noi", "non", "o", "per", "però", "più", "poi", "quale", "quando", "quella", "quello",
    "questa", "questo", "se", "sei", "si", "sia", "sono", "su", "sua", "sue", "sui", "suo", "tra",
    "tutti", "tutto", "un", "una", "uno", "è",
];

/// pt
#[rustfmt::skip]
pub(crate) const STOP_PT: &[&str] = &[
    "a", "ainda", "ao", "aos", "as", "até", "com", "como", "da", "das", "de", "dela", "dele", "do",
    "dos", "e", "ela", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este", "está",
    "eu", "foi", "foram", "há", "isso", "já", "lhe", "mais", "mas", "me", "mesmo", "muito", "na",
    "nas", "nem", "no", "nos", "o", "os", "ou", "para", "pela", "pelo", "por", "porque", "quando",
    "que", "se", "sem", "ser", "seu", "seus", "sua", "suas", "também", "tem", "um", "uma", "umas",
    "uns", "você", "é",
];

/// nl
#[rustfmt::skip]
pub(crate) const STOP_NL: &[&str] = &[
    "aan", "al", "alles", "als", "bij", "dan", "dat", "de", "der", "deze", "die", "dit", "doch",
    "doen", "door", "dus", "een", "en", "er", "geen", "had", "heb", "hebben", "heeft", "hem",
    "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "ja", "je", "kan", "kon", "maar", "me",
    "meer", "men", "met", "mij", "mijn", "na", "naar", "niet", "niets", "nog", "nu", "of", "om",
    "omdat", "ons", "ook", "op", "over", "te", "tegen", "toch", "toen", "tot", "u", "uit", "van",
    "veel", "voor", "want", "was", "wat", "we", "wel", "werd", "wie", "wij", "worden", "zal", "ze",
    "zelf", "zich", "zij", "zijn", "zo", "zonder", "zou",
];

/// pl
#[rustfmt::skip]
pub(crate) const STOP_PL: &[&str] = &[
    "a", "aby", "albo", "ale", "bardzo", "bez", "by", "być", "był", "była", "było", "były",
    "będzie", "będą", "co", "czy", "czyli", "dla", "do", "gdy", "gdzie", "go", "i", "ich", "im",
    "ja", "jak", "jako", "je", "jego", "jej", "jest", "jeszcze", "już", "kiedy", "która", "które",
    "którego", "której", "który", "których", "lub", "ma", "mi", "może", "można", "na", "nad",
    "nich", "nie", "niego", "niej", "niż", "o", "obok", "od", "oraz", "po", "pod", "ponad",
    "prawie", "przeciw", "przed", "przez", "przy", "się", "swoich", "swoje", "swój", "są", "ta",
    "tak", "także", "tam", "te", "tego", "tej", "ten", "to", "trzeba", "tu", "tutaj", "tych",
    "tylko", "tym", "w", "we", "więc", "wtedy", "wśród", "z", "za", "ze", "że", "żeby",
];

/// uk
#[rustfmt::skip]
pub(crate) const STOP_UK: &[&str] = &[
    "а", "або", "але", "б", "без", "би", "був", "буде", "будуть", "була", "були", "було", "біля",
    "в", "вже", "вона", "вони", "воно", "все", "від", "він", "де", "для", "до", "дуже", "ж", "же",
    "з", "за", "зі", "й", "його", "йому", "коли", "лише", "майже", "мені", "ми", "може", "можна",
    "між", "на", "навіть", "над", "нас", "не", "неї", "них", "нього", "ні", "о", "об", "однак",
    "от", "перед", "по", "понад", "при", "про", "проти", "під", "після", "своє", "свої", "своїх",
    "свій", "серед", "та", "так", "також", "там", "те", "тим", "то", "тобто", "тоді", "тому",
    "треба", "тут", "тільки", "у", "це", "цей", "цим", "цих", "цього", "ця", "ці", "цієї", "через",
    "чи", "ще", "що", "щоб", "щодо", "як", "яка", "який", "яких", "якого", "які", "якій", "є", "і",
    "із", "їй", "їх", "їхній", "її",
];

/// ru
#[rustfmt::skip]
pub(crate) const STOP_RU: &[&str] = &[
    "а", "б", "без", "более", "будет", "будут", "бы", "был", "была", "были", "было", "быть", "в",
    "вам", "вас", "весь", "во", "вот", "все", "всего", "вы", "где", "да", "даже", "для", "до",
    "его", "ее", "ей", "ему", "если", "есть", "еще", "ещё", "её", "ж", "же", "за", "здесь", "и",
    "из", "из-за", "или", "им", "их", "к", "как", "когда", "которая", "которого", "которой",
    "которые", "который", "которых", "кто", "ли", "либо", "мне", "может", "можно", "мы", "на",
    "над", "надо", "не", "него", "нее", "нет", "ни", "них", "но", "ну", "нужно", "о", "об",
    "однако", "около", "он", "она", "они", "оно", "от", "очень", "перед", "по", "под", "после",
    "почти", "при", "против", "с", "свое", "свои", "своих", "свой", "со", "среди", "так", "также",
    "такой", "там", "те", "тем", "то", "тогда", "того", "тоже", "той", "только", "том", "тут",
    "ты", "у", "уже", "хотя", "чего", "чей", "чем", "что", "чтобы", "чье", "эта", "эти", "этим",
    "этих", "это", "этого", "этой", "я",
];

/// id
#[rustfmt::skip]
pub(crate) const STOP_ID: &[&str] = &[
    "ada", "adalah", "agar", "akan", "aku", "anda", "atau", "bagi", "bahwa", "banyak", "belum",
    "bisa", "dalam", "dan", "dari", "dengan", "di", "dia", "hal", "hanya", "harus", "ia", "ini",
    "itu", "jadi", "jika", "juga", "kami", "kamu", "karena", "ke", "kita", "lagi", "lain", "lebih",
    "masih", "mereka", "oleh", "pada", "para", "saat", "saja", "sama", "sangat", "satu", "sebagai",
    "sebuah", "sedang", "sejak", "sekarang", "setelah", "sudah", "tak", "tapi", "telah", "tentang",
    "tersebut", "tetapi", "tidak", "untuk", "yang",
];

/// sv
#[rustfmt::skip]
pub(crate) const STOP_SV: &[&str] = &[
    "alla", "allt", "att", "av", "blev", "bli", "de", "dem", "den", "denna", "det", "detta", "dig",
    "din", "du", "då", "efter", "eller", "en", "ett", "finns", "från", "för", "hade", "han",
    "hans", "har", "hon", "honom", "här", "i", "inte", "jag", "kan", "man", "med", "men", "mig",
    "min", "mot", "mycket", "ni", "nu", "när", "och", "om", "oss", "på", "sig", "sin", "sina",
    "ska", "skulle", "som", "så", "till", "under", "upp", "ut", "utan", "vad", "var", "vara",
    "varit", "vi", "vid", "är", "även",
];

/// da
#[rustfmt::skip]
pub(crate) const STOP_DA: &[&str] = &[
    "af", "alle", "alt", "at", "blev", "bliver", "da", "de", "dem", "den", "denne", "der", "deres",
    "det", "dette", "dig", "din", "du", "efter", "eller", "en", "end", "er", "et", "for", "fra",
    "har", "havde", "hende", "hun", "hvad", "hvis", "hvor", "i", "ikke", "jeg", "kan", "man",
    "med", "meget", "men", "mig", "min", "mod", "nu", "når", "og", "om", "op", "os", "på", "sig",
    "sin", "skal", "som", "så", "til", "ud", "under", "var", "vi", "vil", "være",
];

/// cs
#[rustfmt::skip]
pub(crate) const STOP_CS: &[&str] = &[
    "a", "aby", "ale", "ani", "asi", "až", "by", "byl", "byla", "bylo", "být", "co", "do", "i",
    "jak", "jako", "je", "jeho", "jejich", "jen", "jenž", "již", "jsem", "jsou", "k", "kde",
    "když", "která", "které", "který", "ma", "mezi", "mi", "mu", "má", "na", "nad", "ne", "než",
    "o", "od", "po", "pod", "podle", "pro", "protože", "před", "při", "s", "se", "si", "so",
    "svůj", "ta", "tak", "také", "tam", "to", "tu", "ty", "u", "už", "v", "ve", "však", "z", "za",
    "ze", "že",
];

/// tr
#[rustfmt::skip]
pub(crate) const STOP_TR: &[&str] = &[
    "acaba", "ama", "ancak", "artık", "aslında", "ayrıca", "az", "bana", "bazı", "belki", "ben",
    "beri", "bile", "bir", "biri", "birkaç", "biz", "bu", "buna", "bunu", "da", "daha", "de",
    "defa", "değil", "diye", "en", "eğer", "gibi", "göre", "hem", "hep", "hepsi", "her", "hiç",
    "ile", "ise", "için", "kadar", "kendi", "kez", "ki", "kim", "mi", "mu", "mı", "nasıl", "ne",
    "neden", "niçin", "o", "olan", "olarak", "olduğu", "olmak", "ona", "onu", "onun", "rağmen",
    "sadece", "sanki", "siz", "sonra", "tarafından", "tüm", "var", "ve", "veya", "ya", "yani",
    "yine", "yok", "çok", "çünkü", "önce", "şey", "şimdi", "şu",
];

/// ro
#[rustfmt::skip]
pub(crate) const STOP_RO: &[&str] = &[
    "a", "această", "acest", "acum", "ai", "al", "ale", "am", "ar", "are", "au", "ca", "care",
    "ce", "cel", "cu", "că", "dar", "de", "din", "după", "este", "fi", "fost", "la", "le", "mai",
    "mult", "ne", "nici", "nu", "o", "pe", "pentru", "prin", "sa", "sau", "se", "si", "sunt", "să",
    "te", "un", "una", "unei", "unui", "va", "vor", "în", "își", "şi", "și",
];

/// hu
#[rustfmt::skip]
pub(crate) const STOP_HU: &[&str] = &[
    "a", "az", "azt", "be", "csak", "de", "egy", "el", "ez", "ezt", "fel", "ha", "hogy", "is",
    "ki", "le", "meg", "mert", "mi", "mint", "már", "még", "nagyon", "nem", "nincs", "sem",
    "szerint", "több", "után", "vagy", "van", "volt", "és",
];

/// fi
#[rustfmt::skip]
pub(crate) const STOP_FI: &[&str] = &[
    "ei", "eli", "en", "ennen", "että", "he", "hän", "ja", "jo", "joka", "jos", "kuin", "kun",
    "me", "mikä", "minä", "mutta", "myös", "niin", "nyt", "ole", "oli", "olla", "on", "ovat", "se",
    "sekä", "sen", "siitä", "tai", "te", "tämä", "vain", "vielä", "voi",
];

/// el
#[rustfmt::skip]
pub(crate) const STOP_EL: &[&str] = &[
    "ένα", "έχει", "ή", "ήταν", "αλλά", "από", "αυτό", "για", "δεν", "είναι", "ενώ", "η", "θα",
    "και", "με", "μετά", "μια", "να", "ο", "οι", "πιο", "που", "σε", "στα", "στη", "στην", "στο",
    "στον", "τα", "τη", "την", "της", "το", "τον", "του", "των", "ως", "όπως", "όταν", "ότι",
];

/// hr
#[rustfmt::skip]
pub(crate) const STOP_HR: &[&str] = &[
    "ali", "bi", "bio", "da", "do", "i", "ili", "iz", "je", "jer", "još", "kako", "kao", "koja",
    "koje", "koji", "li", "na", "nakon", "ne", "nije", "od", "pa", "po", "prema", "se", "su",
    "sve", "te", "to", "u", "za", "što",
];

/// sk
#[rustfmt::skip]
pub(crate) const STOP_SK: &[&str] = &[
    "a", "aj", "ako", "ale", "alebo", "ani", "by", "do", "ich", "je", "k", "ktorá", "ktoré",
    "ktorý", "na", "nie", "od", "po", "pre", "pri", "s", "sa", "si", "so", "sú", "tak", "to", "už",
    "v", "vo", "z", "za", "že",
];

/// Every word of every list, with a bit for each language (bit `i` for
/// `LANGUAGES[i]`): one hash lookup per word instead of a search per list.
pub(crate) static INDEX: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, u32>> =
    std::sync::LazyLock::new(|| {
        let mut index = rustc_hash::FxHashMap::default();
        for (bit, (_, words)) in LANGUAGES.iter().enumerate() {
            for word in *words {
                *index.entry(*word).or_insert(0u32) |= 1 << bit;
            }
        }
        index
    });

/// The languages (as a bit set) in whose lists `word` is a stop word.
pub(crate) fn languages_of(word: &str) -> u32 {
    INDEX.get(word).copied().unwrap_or(0)
}

/// Every list with its ISO 639-1 language code.
pub(crate) const LANGUAGES: &[(&str, &[&str])] = &[
    ("en", STOP_EN),
    ("de", STOP_DE),
    ("fr", STOP_FR),
    ("es", STOP_ES),
    ("it", STOP_IT),
    ("pt", STOP_PT),
    ("nl", STOP_NL),
    ("pl", STOP_PL),
    ("uk", STOP_UK),
    ("id", STOP_ID),
    ("sv", STOP_SV),
    ("da", STOP_DA),
    ("cs", STOP_CS),
    ("tr", STOP_TR),
    ("ro", STOP_RO),
    ("hu", STOP_HU),
    ("fi", STOP_FI),
    ("ru", STOP_RU),
    ("el", STOP_EL),
    ("hr", STOP_HR),
    ("sk", STOP_SK),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_table;

    #[test]
    fn index_knows_every_word() {
        assert!(LANGUAGES.len() <= 32, "the index packs languages into a u32");
        assert_ne!(languages_of("the"), 0);
        assert_ne!(languages_of("der") & languages_of("die"), 0);
        assert_eq!(languages_of("zebra"), 0);
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        for (lang, words) in LANGUAGES {
            assert_table(lang, words);
            for w in *words {
                assert_eq!(w.to_lowercase(), *w, "{lang}: {w}");
            }
        }
    }
}
