//! The agency alias table.
//!
//! Maps the many ways an article names a wire service ("Thomson Reuters", "The Associated
//! Press", "PTI") to one canonical name, and finds those names in raw text by byte offset.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A news agency and the other names it goes by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agency {
    /// The canonical name, as reports show it.
    pub name: &'static str,
    /// Other names that mean the same agency (the canonical name itself need not be listed).
    pub aliases: &'static [&'static str],
}

/// The agencies Wirecheck knows without configuration.
#[rustfmt::skip]
pub const BUILTIN_AGENCIES: &[Agency] = &[
    Agency { name: "Reuters", aliases: &["Thomson Reuters", "Reuter"] },
    Agency { name: "AP", aliases: &["Associated Press", "The Associated Press"] },
    Agency { name: "AFP", aliases: &["Agence France-Presse", "Agence France Presse"] },
    Agency { name: "PA", aliases: &["Press Association", "PA Media", "PA News"] },
    Agency { name: "PTI", aliases: &["Press Trust of India"] },
    Agency { name: "ANI", aliases: &["Asian News International"] },
    Agency { name: "IANS", aliases: &["Indo-Asian News Service"] },
    Agency { name: "UNI", aliases: &["United News of India"] },
    Agency { name: "Xinhua", aliases: &["Xinhua News Agency"] },
    Agency { name: "Yonhap", aliases: &["Yonhap News Agency"] },
    Agency { name: "Kyodo", aliases: &["Kyodo News"] },
    Agency {
        name: "dpa",
        aliases: &["Deutsche Presse-Agentur", "Deutschen Presse-Agentur", "German Press Agency"],
    },
    Agency { name: "EFE", aliases: &["Agencia EFE", "Agência EFE"] },
    Agency {
        name: "ANSA",
        aliases: &["Agenzia ANSA", "Agenzia Nazionale Stampa Associata"],
    },
    Agency { name: "Bloomberg", aliases: &["Bloomberg News"] },
    Agency { name: "CP", aliases: &["Canadian Press", "The Canadian Press"] },
    Agency { name: "AAP", aliases: &["Australian Associated Press"] },
    Agency { name: "Bernama", aliases: &[] },
    Agency { name: "Anadolu", aliases: &["Anadolu Agency", "AA"] },
    Agency { name: "TASS", aliases: &[] },
    Agency { name: "PR Newswire", aliases: &["PRNewswire", "PR Newswire Association"] },
    Agency { name: "Business Wire", aliases: &[] },
    Agency { name: "GlobeNewswire", aliases: &["Globe Newswire"] },
    Agency { name: "UPI", aliases: &["United Press International"] },
    // Not "Jiji" alone: "AFP-JIJI" is AFP's picture credit.
    Agency { name: "Jiji Press", aliases: &[] },
    Agency { name: "Interfax", aliases: &[] },
    Agency { name: "RIA Novosti", aliases: &[] },
    Agency { name: "Ukrinform", aliases: &[] },
    Agency { name: "PAP", aliases: &["Polish Press Agency"] },
    // "lusa" is also the Portuguese adjective ("a capital lusa"): see CASED_NAMES.
    Agency { name: "Lusa", aliases: &["Agência Lusa", "Agencia Lusa", "LUSA"] },
    Agency { name: "Europa Press", aliases: &[] },
    Agency { name: "ANP", aliases: &[] },
    Agency { name: "Belga", aliases: &[] },
    Agency { name: "Ritzau", aliases: &[] },
    Agency { name: "Keystone-SDA", aliases: &[] },
    Agency { name: "KUNA", aliases: &["Kuwait News Agency"] },
    Agency { name: "WAM", aliases: &["Emirates News Agency"] },
    Agency { name: "IRNA", aliases: &["Islamic Republic News Agency"] },
    Agency { name: "KCNA", aliases: &["Korean Central News Agency"] },
    Agency { name: "VNA", aliases: &["Vietnam News Agency"] },
    Agency {
        name: "APP",
        aliases: &["Associated Press of Pakistan", "The Associated Press of Pakistan"],
    },
    Agency { name: "UNB", aliases: &["United News of Bangladesh"] },
    Agency { name: "BSS", aliases: &["Bangladesh Sangbad Sangstha"] },
    Agency { name: "NAN", aliases: &["News Agency of Nigeria"] },
    Agency { name: "KNA", aliases: &["Kenya News Agency"] },
    Agency { name: "QNA", aliases: &["Qatar News Agency"] },
    Agency { name: "SPA", aliases: &["Saudi Press Agency"] },
    Agency { name: "Notimex", aliases: &[] },
    Agency { name: "Prensa Latina", aliases: &[] },
    Agency { name: "Agência Brasil", aliases: &["Agencia Brasil"] },
    Agency { name: "Dow Jones Newswires", aliases: &[] },
];

/// Words that may trail an agency name without changing which agency is meant, so that
/// "Xinhua news agency" or "Reuters Staff" resolve to the agency.
#[rustfmt::skip]
const GENERIC_SUFFIXES: &[&str] = &[
    "news", "agency", "staff", "service", "wire", "wires", "ltd", "limited", "inc", "plc", "corp",
];

/// One place where the text names an agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The canonical name of the agency.
    pub agency: String,
    /// Byte offset where the name starts.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
}

/// How an alias must be cased in text to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// Names such as "Reuters": "REUTERS" and "reuters" are the same agency.
    Insensitive,
    /// Short acronyms such as "AP": "ap" and "Ap" are ordinary words, so only the written form
    /// or its upper case counts; acronyms of four letters or more also accept title case
    /// ("Tass"), which newspapers use.
    Acronym { title_ok: bool },
}

#[derive(Debug, Clone)]
struct Alias {
    text: String,
    agency: usize,
    case: CaseRule,
}

/// The agencies and their aliases, with an index for finding them in text.
#[derive(Debug, Clone)]
pub struct AgencyTable {
    names: Vec<String>,
    aliases: Vec<Alias>,
    /// Normalized name or alias to agency.
    lookup: HashMap<String, usize>,
    /// Lower-cased first word of each alias to aliases, longest first, so a scan tries only
    /// the aliases that can start at a word.
    by_first_word: HashMap<String, Vec<usize>>,
    /// The agencies added by [`AgencyTable::with_issuers`]: press releases' issuers.
    issuers: Vec<usize>,
}

impl Default for AgencyTable {
    fn default() -> Self {
        Self::builtin()
    }
}

impl AgencyTable {
    /// The table of [`BUILTIN_AGENCIES`].
    pub fn builtin() -> Self {
        let mut table = AgencyTable {
            names: Vec::new(),
            aliases: Vec::new(),
            issuers: Vec::new(),
            lookup: HashMap::new(),
            by_first_word: HashMap::new(),
        };
        for agency in BUILTIN_AGENCIES {
            let id = table.add_agency(agency.name);
            for alias in agency.aliases {
                table.add_alias(id, alias);
            }
        }
        table.reindex();
        table
    }

    /// Adds `alias` for the agency named `canonical` (its canonical name or an alias), or
    /// a new agency called `canonical` if there is none. Blank names are ignored.
    pub fn with_alias(mut self, canonical: &str, alias: &str) -> Self {
        let canonical = canonical.trim();
        if normalize(canonical).is_empty() {
            return self;
        }
        let id = match self.lookup.get(&normalize(canonical)) {
            Some(&id) => id,
            None => self.add_agency(canonical),
        };
        self.add_alias(id, alias.trim());
        self.reindex();
        self
    }

    /// The table with each of `issuers` it does not know added as an agency of its own, under
    /// its name, the name's other corporate form ("Varuna Cement Ltd" and "Varuna Cement
    /// Limited") and the name without a closing parenthesis ("Ministry of Fisheries
    /// (Ghana)": "Ministry of Fisheries"): a press release's issuer, credited as "Source:
    /// Varuna Cement Limited" on the page that republishes the release. Names of one short word (under four letters) are
    /// left out: such an issuer is too easily a word of the text.
    pub fn with_issuers<'n>(&self, issuers: impl IntoIterator<Item = &'n str>) -> Option<Self> {
        let mut table: Option<Self> = None;
        for issuer in issuers {
            let issuer = issuer.trim();
            let known = table.as_ref().unwrap_or(self).canonical(issuer).is_some();
            if known || (!issuer.contains(' ') && issuer.chars().count() < 4) {
                continue;
            }
            let t = table.get_or_insert_with(|| self.clone());
            let id = t.add_agency(issuer);
            t.issuers.push(id);
            for variant in corporate_variants(issuer) {
                t.add_alias(id, &variant);
            }
            if let Some(bare) = without_parenthesis(issuer) {
                t.add_alias(id, bare);
            }
        }
        if let Some(t) = table.as_mut() {
            t.reindex();
        }
        table
    }

    /// The issuers [`AgencyTable::with_issuers`] added, by their canonical names.
    pub(super) fn issuers(&self) -> impl Iterator<Item = &str> {
        self.issuers
            .iter()
            .filter_map(|&id| self.names.get(id).map(String::as_str))
    }

    /// The canonical name for `name`, written in any case and spacing, with or without a
    /// leading "The" or a trailing word such as "news agency".
    pub fn canonical(&self, name: &str) -> Option<String> {
        let mut key = normalize(name);
        loop {
            if let Some(&id) = self.lookup.get(&key) {
                return self.names.get(id).cloned();
            }
            let (rest, last) = key.rsplit_once(' ')?;
            if !GENERIC_SUFFIXES.contains(&last) {
                return None;
            }
            key = rest.to_string();
        }
    }

    /// Every agency name in `text`, left to right, not overlapping; where aliases overlap
    /// the longest wins ("Thomson Reuters", not "Reuters").
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut resume = 0;
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let starts_word = c.is_alphanumeric() && !prev.is_some_and(char::is_alphanumeric);
            prev = Some(c);
            if !starts_word || i < resume {
                continue;
            }
            let rest = text.get(i..).unwrap_or("");
            let word_len = rest
                .find(|ch: char| !ch.is_alphanumeric())
                .unwrap_or(rest.len());
            let word = rest.get(..word_len).unwrap_or("");
            let Some(candidates) = self.by_first_word.get(&word.to_lowercase()) else {
                continue;
            };
            for &ai in candidates {
                let Some(alias) = self.aliases.get(ai) else {
                    continue;
                };
                if let Some(len) = alias.match_at(rest, word) {
                    out.push(Mention {
                        agency: self.names.get(alias.agency).cloned().unwrap_or_default(),
                        start: i,
                        end: i + len,
                    });
                    resume = i + len;
                    break;
                }
            }
        }
        out
    }

    fn add_agency(&mut self, name: &str) -> usize {
        let id = self.names.len();
        self.names.push(name.to_string());
        self.add_alias(id, name);
        id
    }

    fn add_alias(&mut self, id: usize, alias: &str) {
        let key = normalize(alias);
        if key.is_empty() {
            return;
        }
        self.lookup.insert(key.clone(), id);
        if let Some(rest) = key.strip_prefix("the ") {
            self.lookup.entry(rest.to_string()).or_insert(id);
        }
        let case = case_rule(alias);
        if !self
            .aliases
            .iter()
            .any(|a| a.agency == id && a.text == alias)
        {
            self.aliases.push(Alias {
                text: alias.to_string(),
                agency: id,
                case,
            });
        }
    }

    fn reindex(&mut self) {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (ai, alias) in self.aliases.iter().enumerate() {
            let first: String = alias
                .text
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            if first.is_empty() {
                continue;
            }
            index.entry(first.to_lowercase()).or_default().push(ai);
        }
        for list in index.values_mut() {
            list.sort_by_key(|&ai| {
                std::cmp::Reverse(self.aliases.get(ai).map_or(0, |a| a.text.len()))
            });
        }
        self.by_first_word = index;
    }
}

/// Corporate suffixes and their other written forms.
const CORPORATE_FORMS: &[(&str, &str)] = &[
    ("Ltd", "Limited"),
    ("Ltd.", "Limited"),
    ("Limited", "Ltd"),
    ("Inc", "Incorporated"),
    ("Inc.", "Incorporated"),
    ("Incorporated", "Inc."),
    ("Corp", "Corporation"),
    ("Corp.", "Corporation"),
    ("Corporation", "Corp."),
    ("Co", "Company"),
    ("Co.", "Company"),
    ("Company", "Co."),
    ("PLC", "plc"),
    ("LLC", "L.L.C."),
];

/// Whether `word` is a corporate suffix of [`CORPORATE_FORMS`] ("Corp", "co", "Limited"),
/// its full stop aside: after an issuer's name it is part of the name ("Source: Brightmoor
/// Foods Corp."), not another word.
pub(super) fn is_corporate_suffix(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    CORPORATE_FORMS
        .iter()
        .flat_map(|(a, b)| [a, b])
        .any(|form| form.trim_end_matches('.').eq_ignore_ascii_case(word))
}

/// `name` with its corporate suffix written the other way ("Varuna Cement Ltd" → "Varuna
/// Cement Limited"), and without it when two words or more are left ("Varuna Cement", as a
/// story names the company: "Varuna Cement said in a statement"), if it has one.
fn corporate_variants(name: &str) -> Vec<String> {
    let Some((base, suffix)) = name.rsplit_once(' ') else {
        return Vec::new();
    };
    let mut out: Vec<String> = CORPORATE_FORMS
        .iter()
        .filter(|(from, _)| *from == suffix)
        .map(|(_, to)| format!("{base} {to}"))
        .collect();
    if !out.is_empty() && base.trim().contains(' ') {
        out.push(base.trim().to_string());
    }
    out
}

/// `name` without a closing parenthesis ("Ministry of Fisheries (Ghana)"), if what is left
/// is still a name of two words or more.
fn without_parenthesis(name: &str) -> Option<&str> {
    let (base, tail) = name.rsplit_once('(')?;
    let base = base.trim_end();
    (tail.ends_with(')') && base.contains(' ')).then_some(base)
}

/// The canonical name for `name` in the built-in table; see [`AgencyTable::canonical`].
pub fn canonical_agency(name: &str) -> Option<String> {
    static BUILTIN: LazyLock<AgencyTable> = LazyLock::new(AgencyTable::builtin);
    BUILTIN.canonical(name)
}

impl Alias {
    /// Length in bytes of this alias at the start of `rest`, whose first word is `word`.
    fn match_at(&self, rest: &str, word: &str) -> Option<usize> {
        match self.case {
            CaseRule::Acronym { title_ok } => {
                let upper = self.text.to_uppercase();
                let ok = word == self.text
                    || word == upper
                    || (title_ok && word == title_case(&self.text));
                ok.then_some(word.len())
            }
            CaseRule::Insensitive => match_insensitive(&self.text, rest),
        }
    }
}

/// Matches `alias` at the start of `rest` ignoring case, letting a space in the alias match
/// any run of white space (names break across lines) and a hyphen match a dash or a space.
fn match_insensitive(alias: &str, rest: &str) -> Option<usize> {
    let mut text = rest.char_indices().peekable();
    let mut alias_chars = alias.chars().peekable();
    while let Some(a) = alias_chars.next() {
        if a.is_whitespace() {
            while alias_chars.peek().is_some_and(|c| c.is_whitespace()) {
                alias_chars.next();
            }
            let mut seen = false;
            while text.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                text.next();
                seen = true;
            }
            if !seen {
                return None;
            }
        } else if is_hyphen(a) {
            let (_, t) = text.next()?;
            if t.is_whitespace() {
                while text.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                    text.next();
                }
            } else if !is_hyphen(t) {
                return None;
            }
        } else {
            let (_, t) = text.next()?;
            if !same_letter(a, t) {
                return None;
            }
        }
    }
    match text.peek() {
        Some(&(_, c)) if c.is_alphanumeric() => None,
        Some(&(end, _)) => Some(end),
        None => Some(rest.len()),
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn same_letter(a: char, b: char) -> bool {
    a == b || a.eq_ignore_ascii_case(&b) || (!a.is_ascii() && a.to_lowercase().eq(b.to_lowercase()))
}

/// Names that are also ordinary words in lower case, and so count only as written or in upper
/// case: "Lusa", not the adjective "lusa".
const CASED_NAMES: &[&str] = &["Lusa"];

fn case_rule(alias: &str) -> CaseRule {
    if CASED_NAMES.contains(&alias) {
        return CaseRule::Acronym { title_ok: false };
    }
    let single_word = alias.chars().all(char::is_alphanumeric);
    let len = alias.chars().count();
    let upper = alias
        .chars()
        .all(|c| c.is_uppercase() || c.is_ascii_digit());
    let lower = alias.chars().all(char::is_lowercase);
    if single_word && len <= 5 && (upper || (lower && len <= 4)) {
        CaseRule::Acronym {
            title_ok: upper && len >= 4,
        }
    } else {
        CaseRule::Insensitive
    }
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// A lookup key: lower case, dots dropped ("A.P." is "ap"), other punctuation as spaces,
/// white space collapsed.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if c == '.' || c == '\'' || c == '\u{2019}' {
            continue;
        }
        if c.is_alphanumeric() || c == '&' {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, &str)> {
        AgencyTable::builtin()
            .mentions(text)
            .into_iter()
            .map(|m| (m.agency, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn canonical_accepts_names_and_aliases_in_any_form() {
        let t = AgencyTable::builtin();
        let cases = [
            ("Reuters", "Reuters"),
            ("thomson reuters", "Reuters"),
            ("REUTERS", "Reuters"),
            ("The Associated Press", "AP"),
            ("associated press", "AP"),
            ("A.P.", "AP"),
            ("Agence France Presse", "AFP"),
            ("agence france-presse", "AFP"),
            ("Press Trust of India", "PTI"),
            ("Xinhua news agency", "Xinhua"),
            ("xinhua", "Xinhua"),
            ("Deutsche Presse-Agentur", "dpa"),
            ("DPA", "dpa"),
            ("the canadian press", "CP"),
            ("Anadolu Agency", "Anadolu"),
            ("PA Media", "PA"),
            ("  Reuters Staff ", "Reuters"),
            ("globenewswire", "GlobeNewswire"),
            ("Yonhap News Agency", "Yonhap"),
            ("jiji press", "Jiji Press"),
            ("United Press International", "UPI"),
            ("Korean Central News Agency", "KCNA"),
            ("Associated Press of Pakistan", "APP"),
            ("Agencia EFE", "EFE"),
            ("agencia brasil", "Agência Brasil"),
        ];
        for (name, want) in cases {
            assert_eq!(
                t.canonical(name).as_deref(),
                Some(want),
                "{name} should resolve to {want}"
            );
        }
        for name in ["", "Acme Gazette", "Reuters Institute", "news"] {
            assert_eq!(t.canonical(name), None, "{name:?} is not an agency");
        }
        assert_eq!(canonical_agency("Kyodo News").as_deref(), Some("Kyodo"));
    }

    #[test]
    fn longest_alias_wins_and_offsets_are_bytes() {
        let text = "Copyright Thomson Reuters and the Associated Press.";
        let m = AgencyTable::builtin().mentions(text);
        assert_eq!(
            m.len(),
            2,
            "one mention per agency name, not nested ones: {m:?}"
        );
        assert_eq!(&text[m[0].start..m[0].end], "Thomson Reuters");
        assert_eq!(&text[m[1].start..m[1].end], "the Associated Press");
        assert_eq!(m[1].agency, "AP");
    }

    #[test]
    fn acronyms_match_only_in_exact_case_at_word_boundaries() {
        assert!(
            found("APPLE and ap and Ap and CAP and rAP").is_empty(),
            "AP inside words or lower case"
        );
        assert!(found("the pa system, a cp file, uni life, afp").is_empty());
        assert_eq!(
            found("(AP) and AP's desk"),
            vec![("AP".into(), "AP"), ("AP".into(), "AP")]
        );
        assert_eq!(
            found("AFP-JIJI"),
            vec![("AFP".into(), "AFP")],
            "hyphen is a boundary"
        );
        assert_eq!(
            found("Tass and TASS"),
            vec![("TASS".into(), "Tass"), ("TASS".into(), "TASS")]
        );
        assert_eq!(
            found("DPA or dpa, not Dpa"),
            vec![("dpa".into(), "DPA"), ("dpa".into(), "dpa")]
        );
    }

    #[test]
    fn names_match_in_any_case_but_not_inside_words() {
        let got = found("REUTERS, reuters, Reuters; Xinhuanet; XINHUA; Reutersville");
        let names: Vec<&str> = got.iter().map(|(_, s)| *s).collect();
        assert_eq!(names, vec!["REUTERS", "reuters", "Reuters", "XINHUA"]);
    }

    #[test]
    fn multiword_aliases_span_line_breaks_and_dash_variants() {
        let got = found(
            "Associated\n  Press and Agence France\u{2011}Presse and Indo Asian News Service",
        );
        let agencies: Vec<&str> = got.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(agencies, vec!["AP", "AFP", "IANS"]);
    }

    #[test]
    fn longer_agency_names_beat_the_names_inside_them() {
        assert_eq!(
            found("By the Associated Press of Pakistan"),
            vec![("APP".into(), "the Associated Press of Pakistan")],
            "not AP"
        );
        assert_eq!(
            found("Source: Yonhap News Agency"),
            vec![("Yonhap".into(), "Yonhap News Agency")]
        );
    }

    #[test]
    fn user_aliases_extend_agencies_and_add_new_ones() {
        let t = AgencyTable::builtin()
            .with_alias("Reuters", "Reuters News")
            .with_alias("associated press", "Ass. Press")
            .with_alias("Lakeside Wire", "LW")
            .with_alias("  ", "ignored");
        assert_eq!(t.canonical("Ass. Press").as_deref(), Some("AP"));
        assert_eq!(
            t.canonical("lakeside wire").as_deref(),
            Some("Lakeside Wire")
        );
        assert_eq!(t.canonical("LW").as_deref(), Some("Lakeside Wire"));
        let text = "Sources: LW and Lakeside Wire; lw is not it";
        let m: Vec<&str> = t
            .mentions(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(m, vec!["LW", "Lakeside Wire"]);
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let t = AgencyTable::builtin();
        for text in [
            "",
            "\u{0}",
            "é",
            "Associated",
            "Agence France-",
            "AP\u{301}",
            "ÅP Reuters€",
        ] {
            for m in t.mentions(text) {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }

    #[test]
    fn a_release_s_issuer_is_found_under_either_corporate_form() {
        let t = AgencyTable::builtin()
            .with_issuers(["Varuna Cement Ltd", "Reuters", "Ofo"])
            .unwrap();
        let found = |text: &str| -> Vec<String> {
            t.mentions(text).into_iter().map(|m| m.agency).collect()
        };
        assert_eq!(
            found("Source: Varuna Cement Limited"),
            ["Varuna Cement Ltd"]
        );
        assert_eq!(found("Varuna Cement Ltd said"), ["Varuna Cement Ltd"]);
        assert_eq!(found("Varuna Cement said"), ["Varuna Cement Ltd"]);
        let ministry = AgencyTable::builtin()
            .with_issuers(["Ministry of Fisheries and Aquaculture (Ghana)"])
            .unwrap();
        assert_eq!(
            ministry
                .mentions("the Ministry of Fisheries and Aquaculture has said")
                .into_iter()
                .map(|m| m.agency)
                .collect::<Vec<_>>(),
            ["Ministry of Fisheries and Aquaculture (Ghana)"],
            "the name without its parenthesis"
        );
        let one_word = AgencyTable::builtin().with_issuers(["Ofoten Ltd"]).unwrap();
        assert!(
            one_word.mentions("Ofoten said").is_empty(),
            "a one-word base is too easily another word"
        );
        assert_eq!(
            found("(Reuters)"),
            ["Reuters"],
            "known agencies stay as they are"
        );
        assert!(
            found("Ofo").is_empty(),
            "a short one-word issuer is left out"
        );
        assert!(
            AgencyTable::builtin()
                .with_issuers(["Reuters", "AP"])
                .is_none(),
            "nothing to add"
        );
    }
}
