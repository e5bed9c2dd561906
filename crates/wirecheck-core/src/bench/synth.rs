//! Deterministic archives and test articles built from real stories.
//!
//! The real stories are split into an archive pool and a held-out pool. An archive of `n`
//! stories is the archive pool first, then synthetic stories, each recombined from paragraphs
//! and sentences of several pool stories, so vocabulary and phrasing stay real. Story `i`
//! depends only on the seed and `i`: a small archive is a prefix of a larger one, and the same
//! input always gives the same stories and articles.

use serde::Serialize;

use super::reuters::SourceStory;

/// One story in ten is held out of the archive: its text is the "fresh" text of articles.
const HELD_OUT_ONE_IN: u64 = 10;
/// Synthetic stories are never shorter or longer than this, in words.
const SYNTH_WORDS: (usize, usize) = (60, 1200);

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and the same on every platform, which is
/// all a benchmark needs from a random generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for stream `stream` of seed `seed`.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        rng.next_u64();
        rng
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The modulo bias is below 2^-40 for any pool this benchmark sees.
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// A stable 64-bit hash of a string (FNV-1a), for decisions that must not depend on order.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The real stories, split into what the archive may hold and what it never holds.
#[derive(Debug, Clone)]
pub struct Pools {
    /// Stories stored in every archive (first), and the material of synthetic stories.
    pub archive: Vec<SourceStory>,
    /// Stories never stored: the fresh text of partially derived and independent articles.
    pub held_out: Vec<SourceStory>,
    /// Every sentence of the archive pool, for recombination.
    sentences: Vec<String>,
    seed: u64,
}

impl Pools {
    /// Splits `stories` by a hash of their headline, so repeated bulletins with the same
    /// headline (the corpus has many) fall on the same side and held-out text is not secretly
    /// stored under another id.
    pub fn split(stories: Vec<SourceStory>, seed: u64) -> Pools {
        let (held_out, archive): (Vec<_>, Vec<_>) = stories.into_iter().partition(|s| {
            let key = if s.title.is_empty() {
                s.paragraphs.first().map_or("", String::as_str)
            } else {
                s.title.as_str()
            };
            (hash(key) ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32
                < (1 << 32) / HELD_OUT_ONE_IN
        });
        let held_out = fresh_only(held_out, &archive);
        let sentences = archive
            .iter()
            .flat_map(|s| s.paragraphs.iter().flat_map(|p| sentences(p)))
            .map(str::to_string)
            .collect();
        Pools {
            archive,
            held_out,
            sentences,
            seed,
        }
    }

    /// Story `index` of every archive built from these pools.
    pub fn story(&self, index: usize) -> BenchStory {
        match self.archive.get(index) {
            Some(real) => BenchStory {
                id: format!("bench:reuters/{}", real.newid),
                headline: real.title.clone(),
                dateline: real.dateline.clone(),
                published: real
                    .date
                    .clone()
                    .unwrap_or_else(|| "1987-01-01T00:00:00Z".into()),
                paragraphs: real.paragraphs.clone(),
            },
            None => self.synthetic(index),
        }
    }

    /// A story recombined from several pool stories: whole paragraphs of one, runs of
    /// sentences of others, with figures redrawn so the copies are not word for word.
    fn synthetic(&self, index: usize) -> BenchStory {
        let mut rng = Rng::new(self.seed, index as u64);
        let n = self.archive.len();
        let pick = |rng: &mut Rng| self.archive.get(rng.below(n));
        let target = pick(&mut rng)
            .map_or(200, SourceStory::words)
            .clamp(SYNTH_WORDS.0, SYNTH_WORDS.1);
        let mut paragraphs = Vec::new();
        let mut words = 0;
        // Bounded: every round adds a paragraph; empty pools give up at once.
        for _ in 0..200 {
            if words >= target {
                break;
            }
            let paragraph = if rng.one_in(2) {
                pick(&mut rng)
                    .and_then(|s| s.paragraphs.get(rng.below(s.paragraphs.len())))
                    .cloned()
                    .unwrap_or_default()
            } else {
                let count = 1 + rng.below(3);
                (0..count)
                    .filter_map(|_| self.sentences.get(rng.below(self.sentences.len())))
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let paragraph = redraw_figures(&paragraph, &mut rng);
            if paragraph.is_empty() {
                if n == 0 {
                    break;
                }
                continue;
            }
            words += paragraph.split_whitespace().count();
            paragraphs.push(paragraph);
        }
        let headline = pick(&mut rng).map_or_else(String::new, |s| s.title.clone());
        let dateline = pick(&mut rng).map_or_else(String::new, |s| s.dateline.clone());
        // Spread over 1987..1999, one story every few minutes, in index order.
        let minutes = index as u64 * 3;
        let (days, minute_of_day) = (minutes / 1440, minutes % 1440);
        BenchStory {
            id: format!("bench:synth/{index:09}"),
            headline,
            dateline,
            published: date_after_1987(days, minute_of_day),
            paragraphs,
        }
    }

    /// The archive pool's size (the number of real stories in every archive).
    pub fn real_stories(&self) -> usize {
        self.archive.len()
    }
}

/// Words per run compared by [`fresh_only`].
const FRESH_RUN: usize = 5;
/// A held-out story sharing one run in this many with the archive pool is not fresh.
const SHARED_ONE_IN: usize = 25;

/// The held-out stories that share less than one run in [`SHARED_ONE_IN`] of their runs of
/// [`FRESH_RUN`] words (figures ignored) with the archive pool. The corpus repeats stories under new headlines
/// (corrections, updates, company profiles, formula reports with new figures); such a story
/// is not fresh text, and an "independent" article made of it would really be derived from
/// the archive. The filter is deliberately harsh: held-out text only needs to be fresh.
fn fresh_only(held_out: Vec<SourceStory>, archive: &[SourceStory]) -> Vec<SourceStory> {
    let stored: std::collections::HashSet<u64> =
        archive.iter().flat_map(|s| runs(&s.paragraphs)).collect();
    held_out
        .into_iter()
        .filter(|s| {
            let (mut all, mut shared) = (0, 0);
            for h in runs(&s.paragraphs) {
                all += 1;
                shared += usize::from(stored.contains(&h));
            }
            shared * SHARED_ONE_IN < all
        })
        .collect()
}

/// Hashes of every run of [`FRESH_RUN`] words (lowercase letters only; a figure is `0`).
fn runs(paragraphs: &[String]) -> impl Iterator<Item = u64> + '_ {
    paragraphs.iter().flat_map(|p| {
        let words: Vec<String> = p
            .split_whitespace()
            .map(|w| {
                let letters: String = w
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase)
                    .collect();
                if letters.is_empty() && w.chars().any(|c| c.is_ascii_digit()) {
                    "0".to_string()
                } else {
                    letters
                }
            })
            .filter(|w| !w.is_empty())
            .collect();
        words
            .windows(FRESH_RUN)
            .map(|run| hash(&run.join(" ")))
            .collect::<Vec<_>>()
    })
}

/// A story of a benchmark archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BenchStory {
    /// Unique id: `bench:reuters/NEWID` or `bench:synth/NNNNNNNNN`.
    pub id: String,
    /// Headline.
    pub headline: String,
    /// Dateline.
    pub dateline: String,
    /// ISO 8601 date.
    pub published: String,
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
}

impl BenchStory {
    /// The story as one JSON Lines record of the importer's format.
    pub fn json_line(&self) -> String {
        serde_json::json!({
            "id": self.id,
            "headline": self.headline,
            "dateline": self.dateline,
            "published": self.published,
            "agency": "Reuters",
            "body": self.paragraphs.join("\n\n"),
        })
        .to_string()
    }

    /// Words in the body.
    pub fn words(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }
}

/// Sentences of a paragraph: split after `.`, `?` or `!` followed by a space and a capital.
fn sentences(paragraph: &str) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    for window in chars.windows(3) {
        if let [(_, end), (_, ' '), (next_at, next)] = window
            && matches!(end, '.' | '?' | '!')
            && next.is_uppercase()
        {
            out.push(paragraph[start..*next_at].trim());
            start = *next_at;
        }
    }
    out.push(paragraph[start..].trim());
    out.into_iter()
        .filter(|s| s.split_whitespace().count() >= 4)
}

/// Replaces every digit with a random one, so recombined figures differ from the original's.
fn redraw_figures(text: &str, rng: &mut Rng) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                c
            }
        })
        .collect()
}

/// `days` days and `minute` minutes after 1987-01-01, as ISO 8601 (months of 30 days are
/// close enough: only the order of dates matters to the archive).
fn date_after_1987(days: u64, minute: u64) -> String {
    let (year, rest) = (1987 + days / 360, days % 360);
    format!(
        "{year:04}-{:02}-{:02}T{:02}:{:02}:00Z",
        rest / 30 + 1,
        rest % 30 + 1,
        minute / 60,
        minute % 60
    )
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Fictional stories: `n` of them, three or four paragraphs each, in invented words so
    /// that no two stories share phrasing by accident.
    pub fn fictional(n: usize) -> Vec<SourceStory> {
        let mut rng = Rng::new(42, 0);
        (0..n)
            .map(|i| SourceStory {
                newid: i as u32 + 1,
                title: format!("HARBOUR BOARD OF {} VOTES", word(&mut rng).to_uppercase()),
                dateline: format!("PORTWICK, May {} -", i % 28 + 1),
                date: Some(format!("1987-05-{:02}T10:00:00Z", i % 28 + 1)),
                paragraphs: (0..3 + rng.below(2))
                    .map(|_| {
                        (0..2 + rng.below(2))
                            .map(|_| sentence(&mut rng))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect(),
            })
            .collect()
    }

    /// An invented word of two or three syllables.
    pub fn word(rng: &mut Rng) -> String {
        const SYLLABLES: [&str; 24] = [
            "ka", "lo", "mer", "dun", "ve", "sti", "rao", "pel", "quin", "zor", "ba", "tem", "hul",
            "fri", "gna", "wes", "oc", "ty", "ju", "nar", "ep", "sol", "vik", "da",
        ];
        (0..2 + rng.below(2))
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect()
    }

    /// A sentence of eight to fifteen invented words.
    pub fn sentence(rng: &mut Rng) -> String {
        let words: Vec<String> = (0..8 + rng.below(8)).map(|_| word(rng)).collect();
        let mut s = words.join(" ");
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s + "."
    }

    #[test]
    fn the_same_seed_gives_the_same_archive() {
        let a = Pools::split(fictional(60), 7);
        let b = Pools::split(fictional(60), 7);
        for i in [0, 5, 59, 60, 61, 500, 12_345] {
            assert_eq!(
                a.story(i),
                b.story(i),
                "story {i} must not depend on the run"
            );
        }
        let c = Pools::split(fictional(60), 8);
        assert_ne!(
            a.story(300),
            c.story(300),
            "another seed gives another archive"
        );
    }

    #[test]
    fn ids_are_unique_and_real_stories_come_first() {
        let pools = Pools::split(fictional(50), 1);
        assert!(
            !pools.held_out.is_empty() && pools.archive.len() > 30,
            "about a tenth is held out: {} held",
            pools.held_out.len()
        );
        let ids: std::collections::HashSet<String> = (0..2000).map(|i| pools.story(i).id).collect();
        assert_eq!(ids.len(), 2000, "every story has an id of its own");
        assert!(pools.story(0).id.starts_with("bench:reuters/"));
        assert!(
            pools
                .story(pools.real_stories())
                .id
                .starts_with("bench:synth/")
        );
        let held: std::collections::HashSet<u32> = pools.held_out.iter().map(|s| s.newid).collect();
        assert!(
            pools.archive.iter().all(|s| !held.contains(&s.newid)),
            "a held-out story is never stored"
        );
    }

    #[test]
    fn synthetic_stories_have_real_length_and_redrawn_figures() {
        let pools = Pools::split(fictional(40), 3);
        let story = pools.story(1000);
        let words = story.words();
        assert!(
            (SYNTH_WORDS.0..SYNTH_WORDS.1 + 200).contains(&words),
            "{words} words"
        );
        assert!(!story.headline.is_empty() && !story.published.is_empty());
        let line: serde_json::Value = serde_json::from_str(&story.json_line()).unwrap();
        assert_eq!(line["agency"], "Reuters");
        assert_eq!(line["id"], story.id);
    }

    #[test]
    fn sentences_split_at_full_stops_before_capitals() {
        let got: Vec<&str> =
            sentences("The mill opened at 9.30 today. Workers cheered loudly. ok").collect();
        assert_eq!(
            got,
            vec![
                "The mill opened at 9.30 today.",
                "Workers cheered loudly. ok"
            ]
        );
    }

    #[test]
    fn a_held_out_story_repeating_stored_text_is_dropped() {
        let mut stories = fictional(40);
        let pools = Pools::split(stories.clone(), 3);
        let held = pools.held_out.first().unwrap().newid;
        // A stored story gets a held-out story's first paragraph, as a repeat would.
        let stored = pools.archive.first().unwrap().newid;
        let copied = stories[held as usize - 1].paragraphs[0].clone();
        stories[stored as usize - 1].paragraphs.push(copied);
        let again = Pools::split(stories, 3);
        assert!(
            again.held_out.iter().all(|s| s.newid != held),
            "its text is in the archive: it is not fresh"
        );
        assert_eq!(again.held_out.len(), pools.held_out.len() - 1);
    }

    #[test]
    fn empty_pools_do_not_loop_or_panic() {
        let pools = Pools::split(Vec::new(), 1);
        let story = pools.story(3);
        assert!(story.paragraphs.is_empty());
    }
}
