//! The pipeline, stage after stage.

use std::collections::HashSet;
use std::ops::Range;

use crate::archive::store::{Archive, Story, UNSTORED_STORY_ID};
use crate::compare::{
    AlignOptions, Alignment, DiffOptions, Found, RewriteOptions, add_rewrites, align, assign,
    diff_passage_with, is_verbatim, stock_passages,
};
use crate::credit::agencies::AgencyTable;
use crate::credit::detect::{CreditKind, FoundCredit, UNNAMED_AGENCIES, find_credits};
use crate::credit::issuer::release_issuer;
use crate::credit::page_author::page_author_credits;
use crate::index::fingerprint::fingerprints;
use crate::index::retrieve::{self, RareWords, RetrieveOptions};
use crate::pairwise::compare_given;
use crate::report::{
    ArticleDate, Credit, DateFrom, DiffOp, Flag, LaterStory, Passage, PassageKind, Report,
    SharedStory, SourceReport,
};
use crate::text::dates::{self, Date};
use crate::text::decode::decode;
use crate::text::sentences::sentences;
use crate::text::tokens::CharMap;
use crate::text::{Prepared, Token, html, language, quotes};
use crate::verdict::evidence::{self, Evidence};
use crate::verdict::features::{
    Context, Features, PassageView, TextCache, fact_words, function_words, longest_run_where,
    most_words,
};
use crate::verdict::vocabulary::Versions;
use crate::verdict::{Derived, MIN_NARRATION_RUN, Thresholds};
use crate::{Error, Result};

/// Articles larger than this are refused: a news article is a few tens of kilobytes, and the
/// limit keeps the time and memory of a check bounded.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// How a check runs.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Verdict thresholds (see [`Thresholds::strict`], [`Thresholds::lenient`]).
    pub thresholds: Thresholds,
    /// Alignment settings; `min_matched` is the minimum passage length in words.
    pub align: AlignOptions,
    /// Retrieval settings.
    pub retrieve: RetrieveOptions,
    /// How rewritten sentences are recognised.
    pub rewrite: RewriteOptions,
    /// Match the article's boilerplate (donation appeals, newsletter prompts...) too, instead
    /// of setting it aside.
    pub keep_boilerplate: bool,
    /// Count as quoted only the words inside the article's own quotation marks, not also the
    /// words it shares with a quotation of its source ([`quoted_either_side`]); for the
    /// ablation `eval --without source-quotes`.
    pub article_quotes_only: bool,
    /// Word diff settings.
    pub diff: DiffOptions,
    /// Only stories published (or, lacking a date, imported) before this ISO 8601 date or time
    /// count as sources.
    pub published_before: Option<String>,
    /// Agencies (canonical names) whose stories are never sources.
    pub exclude_agencies: Vec<String>,
    /// Stories that are never sources.
    pub exclude_sources: Vec<i64>,
    /// The agency alias table used to read credits.
    pub agencies: AgencyTable,
}

/// Checks an article given as bytes (plain text in any common encoding, or pasted HTML).
pub fn check(archive: &Archive, input: &[u8], options: &CheckOptions) -> Result<Report> {
    check_text(archive, &decode_article(input)?, options)
}

/// Checks an article given as text (plain, or pasted HTML which is reduced to its text first).
///
/// A check is retrieval followed by [`compare_stories`], the comparison `compare` runs on the
/// one story it is given.
pub fn check_text(archive: &Archive, input: &str, options: &CheckOptions) -> Result<Report> {
    let article = prepare_article(input, options)?;
    let (candidates, rare) = retrieve_candidates(archive, &article, options)?;
    compare_given(article, candidates, &rare, options)
}

/// The article's bytes decoded to text, refused when larger than [`MAX_ARTICLE_BYTES`].
pub(crate) fn decode_article(input: &[u8]) -> Result<String> {
    if input.len() > MAX_ARTICLE_BYTES {
        return Err(Error::TooLarge {
            size: input.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok(decode(input).text)
}

/// The article ready to compare: pasted HTML reduced to its text, words with their offsets,
/// boilerplate set aside (unless the options keep it). An article without words is refused.
pub(crate) fn prepare_article(input: &str, options: &CheckOptions) -> Result<Prepared> {
    if input.len() > MAX_ARTICLE_BYTES {
        return Err(Error::TooLarge {
            size: input.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if html::looks_like_html(input) {
        let page = html::extract(input);
        return prepare_page(page.text, page.authors, page.published, options);
    }
    prepare_text(input.to_string(), options)
}

/// A page's article text, with the authors and the publication time its metadata states,
/// ready to compare.
pub(crate) fn prepare_page(
    text: String,
    authors: Vec<String>,
    published: Option<String>,
    options: &CheckOptions,
) -> Result<Prepared> {
    let mut article = prepare_text(text, options)?;
    article.page_authors = authors;
    article.page_published = published;
    Ok(article)
}

/// Checks an article's text as it is: HTML already reduced to text, never taken for markup
/// again (a caller that extracted a page itself, for its metadata, passes the text here).
pub(crate) fn check_article_text(
    archive: &Archive,
    text: String,
    page_authors: Vec<String>,
    options: &CheckOptions,
) -> Result<Report> {
    let article = prepare_page(text, page_authors, None, options)?;
    let (candidates, rare) = retrieve_candidates(archive, &article, options)?;
    compare_given(article, candidates, &rare, options)
}

/// An article's text (never taken for markup) ready to compare.
pub(crate) fn prepare_text(text: String, options: &CheckOptions) -> Result<Prepared> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    // Candidates are read with the article's language too, so that both sides of a
    // comparison have the same words.
    let language = language::detect(&text);
    let article = if options.keep_boilerplate {
        Prepared::without_boilerplate_in(text, language)
    } else {
        Prepared::new_in(text, language)
    };
    if article.tokens.is_empty() {
        return Err(Error::EmptyArticle);
    }
    Ok(article)
}

/// Retrieval: the stored stories that share fingerprints or rare words with the article, in
/// the order retrieval ranks them ([`compare_given`] sets aside those the options exclude),
/// and the article's rare words as the archive holds them.
pub(crate) fn retrieve_candidates(
    archive: &Archive,
    article: &Prepared,
    options: &CheckOptions,
) -> Result<(Vec<Story>, RareWords)> {
    let article_retrieve = options.retrieve.for_article(article.tokens.len());
    let found = retrieve::candidates(
        &fingerprints(&article.tokens),
        &article_retrieve,
        |hash, limit| archive.postings(hash, limit),
    )?;
    let rare = rare_words_in(archive, article, options)?;
    let ids = retrieve::merge_candidates(
        &found,
        retrieve::rare_word_candidates(&rare, &article_retrieve),
    );
    Ok((archive.get_many(&ids)?, rare))
}

/// The article's rare words as `archive` holds them: the full-text path's lookups (none when
/// the path is off).
pub(crate) fn rare_words_in(
    archive: &Archive,
    article: &Prepared,
    options: &CheckOptions,
) -> Result<RareWords> {
    RareWords::look_up(
        &retrieve::article_query_words(article, &options.retrieve),
        &options.retrieve.for_article(article.tokens.len()),
        |word, limit| archive.stories_with_word(word, limit),
    )
}

/// Every stage after retrieval: the article's date, alignment with each story, the best source
/// of each passage, stock text, rewritten sentences, word diffs, credits, the verdict and the
/// report. `check` runs it on the candidates retrieval found; `compare` on the one story given.
pub(crate) fn compare_stories(
    article: Prepared,
    candidates: Vec<Story>,
    rare: &RareWords,
    options: &CheckOptions,
) -> Report {
    let article_date = article_date(&article.text, article.page_published.as_deref(), options);
    // Stories published after the article's date come last: compared like the others, so
    // that those which would have been sources can be listed apart, but never sources.
    let (mut stories, later) = split_by_date(candidates, article_date.as_ref());
    let sources = stories.len();
    stories.extend(later);
    let mut prepared: Vec<Prepared> = stories
        .iter()
        .map(|story| Prepared::without_boilerplate_in(story.body.clone(), article.language))
        .collect();
    let mut alignments: Vec<Vec<Alignment>> = prepared
        .iter()
        .map(|source| align(&article.tokens, &source.tokens, &options.align))
        .collect();

    // A press release's issuer is credited like an agency ("Source: Varuna Cement Limited"),
    // whether the archive stores it as the agency or the release names it ("About ...").
    let mut issuers: Vec<Option<String>> =
        stories.iter().map(|s| release_issuer(&s.body)).collect();
    let with_issuers = options.agencies.with_issuers(
        stories
            .iter()
            .filter_map(|s| s.agency.as_deref())
            .chain(issuers.iter().flatten().map(String::as_str)),
    );
    let agencies = with_issuers.as_ref().unwrap_or(&options.agencies);
    let mut credits = find_credits(agencies, &article.text);
    let declared = page_author_credits(agencies, &article.page_authors, &credits);
    credits.extend(declared);
    let published_later = published_later(
        &article,
        Candidates {
            stories: &stories,
            prepared: &prepared,
            issuers: &issuers,
        },
        &alignments,
        sources,
        &credits,
        rare,
        options,
    );
    stories.truncate(sources);
    prepared.truncate(sources);
    issuers.truncate(sources);
    alignments.truncate(sources);
    let found = find_passages(&article, &prepared, alignments, options);
    let candidates = Candidates {
        stories: &stories,
        prepared: &prepared,
        issuers: &issuers,
    };
    let mut report = build_report(article, candidates, found, &credits, rare, options);
    report.article_date = article_date;
    report.published_later = published_later;
    report
}

/// Gives each passage of the article to its best source among `prepared` (aligned with the
/// article in `alignments`), marks stock text, and adds rewritten sentences.
fn find_passages(
    article: &Prepared,
    prepared: &[Prepared],
    alignments: Vec<Vec<Alignment>>,
    options: &CheckOptions,
) -> Vec<Found> {
    let spans: Vec<Vec<Range<usize>>> = alignments
        .iter()
        .map(|passages| passages.iter().map(|al| al.article.clone()).collect())
        .collect();
    let assigned = assign(alignments, options.align.min_matched);
    let mut versions = Versions::new(prepared.iter().map(|p| p.tokens.as_slice()).collect());
    let stock = stock_passages(&spans, &assigned, |a, b| versions.of_one_story(a, b));
    let found = assigned
        .into_iter()
        .zip(stock)
        .map(|((source, alignment), stock)| Found {
            source,
            alignment,
            rewritten: false,
            stock,
        })
        .collect();
    add_rewrites(article, prepared, found, &options.rewrite)
}

/// The article's date: the `published_before` option when given, else the date its text
/// states (see [`dates::article_date`]), else the day a saved page's metadata gives
/// (`page_published`, an ISO 8601 time).
fn article_date(
    text: &str,
    page_published: Option<&str>,
    options: &CheckOptions,
) -> Option<ArticleDate> {
    if let Some(before) = &options.published_before {
        return Some(ArticleDate {
            date: before.clone(),
            text: before.clone(),
            start: None,
            end: None,
            from: DateFrom::Option,
        });
    }
    let Some(found) = dates::article_date(text) else {
        let published = page_published?;
        let day = Date::from_iso_prefix(published)?;
        return Some(ArticleDate {
            date: day.to_string(),
            text: published.to_string(),
            start: None,
            end: None,
            from: DateFrom::Page,
        });
    };
    let chars = CharMap::new(text);
    Some(ArticleDate {
        date: found.date.to_string(),
        text: text.get(found.start..found.end)?.to_string(),
        start: Some(chars.char_offset(found.start)),
        end: Some(chars.char_offset(found.end)),
        from: DateFrom::Text,
    })
}

/// Splits the candidate stories into those that may be sources and those published after the
/// article's date.
///
/// A date read from the text or the page excludes only stories whose stored publication date
/// is known and falls two days or more after it: a story of the same day or the next is kept,
/// whatever the times, because the wire usually comes first on the day a story runs and the
/// text's date is local while the archive's is UTC ("May 4, 2026 8:58 PM CDT" is 01:58 on 5 May
/// in UTC, after an AP story stored at 01:40). The
/// `published_before` option keeps its meaning: only stories published (or, lacking a date,
/// imported) strictly before it; those it excludes for a known publication date are "later",
/// the rest are dropped as before.
fn split_by_date(stories: Vec<Story>, date: Option<&ArticleDate>) -> (Vec<Story>, Vec<Story>) {
    let Some(date) = date else {
        return (stories, Vec::new());
    };
    let day = Date::from_iso_prefix(&date.date);
    let mut kept = Vec::new();
    let mut later = Vec::new();
    for story in stories {
        match date.from {
            DateFrom::Option => {
                // ISO 8601 strings of the same shape order as text; a bare date compares by
                // its prefix.
                let when = story.published.as_deref().unwrap_or(&story.imported_at);
                if when < date.date.as_str() {
                    kept.push(story);
                } else if story.published.is_some() {
                    later.push(story);
                }
            }
            _ => {
                let published = story.published.as_deref().and_then(Date::from_iso_prefix);
                match (published, day) {
                    (Some(published), Some(day)) if published > day.next_day() => later.push(story),
                    _ => kept.push(story),
                }
            }
        }
    }
    (kept, later)
}

/// The stories published after the article's date (`stories[sources..]`) that would have been
/// sources: the comparison is run again with every story, and the later ones it reports as
/// sources are listed, with the coverage they would have had.
fn published_later(
    article: &Prepared,
    candidates: Candidates<'_>,
    alignments: &[Vec<Alignment>],
    sources: usize,
    credits: &[FoundCredit],
    rare: &RareWords,
    options: &CheckOptions,
) -> Vec<LaterStory> {
    if candidates.stories.len() <= sources {
        return Vec::new();
    }
    let found = find_passages(article, candidates.prepared, alignments.to_vec(), options);
    let report = build_report(article.clone(), candidates, found, credits, rare, options);
    let later: HashSet<i64> = candidates.stories[sources..].iter().map(|s| s.id).collect();
    report
        .sources
        .into_iter()
        .filter(|s| later.contains(&s.id))
        .map(|s| LaterStory {
            id: s.id,
            origin: s.origin,
            agency: s.agency,
            headline: s.headline,
            published: s.published.unwrap_or_default(),
            coverage: s.coverage,
        })
        .collect()
}

/// Whether the story may be a source, its date aside (see [`split_by_date`]).
pub(crate) fn eligible(story: &Story, options: &CheckOptions) -> bool {
    let excluded_agency = story.agency.as_ref().is_some_and(|agency| {
        options
            .exclude_agencies
            .iter()
            .any(|a| a.eq_ignore_ascii_case(agency))
    });
    !options.exclude_sources.contains(&story.id) && !excluded_agency
}

/// Article words between a rewritten sentence and the copied passage that vouches for it.
const REWRITE_REACH: usize = 200;

/// The passages, without the rewritten sentences that show no copying near them: a rewritten
/// sentence counts when a passage found by shared runs with a run of [`MIN_NARRATION_RUN`]
/// narration words, from the same source or a version of it ([`Versions`]), lies
/// within [`REWRITE_REACH`] words of it; when the article copies from no source, it counts for
/// the source most of the found words come from (a story rewritten throughout). Elsewhere a
/// sentence resembling one of a candidate's is a shared fact or chance, which a long text
/// meets often: another company's results table, another day's figures, a sentence of another
/// part of the copied story.
fn rewrites_with_evidence(
    found: Vec<Found>,
    quoted: &[bool],
    versions: &mut Versions<'_>,
) -> Vec<Found> {
    let narration = |a: usize| !quoted.get(a).copied().unwrap_or(false);
    let mut words = vec![0usize; versions.len()];
    // The passages that show copying: (source, article range).
    let mut anchors: Vec<(usize, Range<usize>)> = Vec::new();
    for f in &found {
        words[f.source] += f.alignment.article.len();
        if !f.rewritten
            && longest_run_where(&f.alignment.pairs, narration) as f64 >= MIN_NARRATION_RUN
        {
            anchors.push((f.source, f.alignment.article.clone()));
        }
    }
    let main = most_words(&words);
    let gap = |a: &Range<usize>, b: &Range<usize>| {
        if a.end <= b.start {
            b.start - a.end
        } else {
            a.start.saturating_sub(b.end)
        }
    };
    found
        .into_iter()
        .filter(|f| {
            if !f.rewritten {
                return true;
            }
            if anchors.is_empty() {
                return Some(f.source) == main;
            }
            anchors.iter().any(|(source, range)| {
                gap(range, &f.alignment.article) <= REWRITE_REACH
                    && versions.of_one_story(*source, f.source)
            })
        })
        .collect()
}

/// For each article word, whether it is inside a quotation in the article or matched to words
/// its passage's source quotes. A wire story quoting a statement, a release or a speech holds
/// someone else's words, not its own narration: an article that prints the same statement
/// (the issuer's own page, another outlet quoting it without marks) shares the speaker's text
/// with the wire, which is no more evidence of copying the wire than a shared quote is. A word
/// between two matched words of one quotation of the source counts as quoted too (a word of
/// the statement changed or restyled).
fn quoted_either_side(article: &Prepared, found: &[Found], sources: &[Prepared]) -> Vec<bool> {
    let mut quoted = quotes::quoted(&article.text, &article.tokens);
    let mut source_quotes: Vec<Option<Vec<bool>>> = vec![None; sources.len()];
    for f in found {
        let (Some(source), Some(cell)) = (sources.get(f.source), source_quotes.get_mut(f.source))
        else {
            continue;
        };
        let in_quote = cell.get_or_insert_with(|| quotes::quoted(&source.text, &source.tokens));
        let at = |s: usize| in_quote.get(s).copied().unwrap_or(false);
        let pairs = &f.alignment.pairs;
        for (i, &(a, s)) in pairs.iter().enumerate() {
            if !at(s) {
                continue;
            }
            let until = match pairs.get(i + 1) {
                Some(&(next_a, next_s)) if (s..=next_s).all(at) => next_a,
                _ => a + 1,
            };
            for word in quoted.get_mut(a..until).into_iter().flatten() {
                *word = true;
            }
        }
    }
    quoted
}

/// The stories compared with an article, each read for comparison (`prepared[i]` is
/// `stories[i]`'s body).
#[derive(Clone, Copy)]
struct Candidates<'a> {
    stories: &'a [Story],
    prepared: &'a [Prepared],
    /// The issuer each story's text names, if it is a release ([`release_issuer`]).
    issuers: &'a [Option<String>],
}

fn build_report(
    article: Prepared,
    candidates: Candidates<'_>,
    found: Vec<Found>,
    credits: &[FoundCredit],
    rare: &RareWords,
    options: &CheckOptions,
) -> Report {
    let Candidates {
        stories,
        prepared,
        issuers,
    } = candidates;
    let total = article.tokens.len();
    let article_chars = CharMap::new(&article.text);

    // Words per source, to drop sources whose matches are only stock phrases.
    let mut words = vec![0usize; stories.len()];
    // Words outside stock text: a story that shares only stock paragraphs is not a source.
    let mut own_words = vec![0usize; stories.len()];
    for f in &found {
        let n = f.alignment.article.len();
        words[f.source] += n;
        if !f.stock {
            own_words[f.source] += n;
        }
    }
    let kept: Vec<Found> = found
        .into_iter()
        .filter(|f| own_words[f.source] >= options.thresholds.min_source_words)
        .collect();
    let quoted = if options.article_quotes_only {
        quotes::quoted(&article.text, &article.tokens)
    } else {
        quoted_either_side(&article, &kept, prepared)
    };
    // One version test for the whole report: each candidate fingerprinted once at most.
    let mut versions = Versions::new(prepared.iter().map(|p| p.tokens.as_slice()).collect());
    let kept = rewrites_with_evidence(kept, &quoted, &mut versions);
    // One char map per text, for the diff ops' offsets (an ASCII text's map is empty).
    let source_chars: Vec<CharMap> = prepared.iter().map(|p| CharMap::new(&p.text)).collect();
    let diffs: Vec<Vec<DiffOp>> = kept
        .iter()
        .map(|f| {
            diff_passage_with(
                &article,
                &article_chars,
                &prepared[f.source],
                &source_chars[f.source],
                &f.alignment,
                &options.diff,
            )
        })
        .collect();
    let source_tokens: Vec<&[Token]> = prepared.iter().map(|p| p.tokens.as_slice()).collect();
    let sentence_spans = sentences(&article.text, &article.tokens);
    let text_cache = TextCache::new(prepared.len());
    let function = function_words(&article.tokens, article.language);
    let facts = fact_words(&article.text, &article.tokens, &function);
    let rare_words: Vec<Option<f64>> = stories.iter().map(|s| rare.share_held_by(s.id)).collect();
    let context = Context {
        text: &text_cache,
        article: &article.tokens,
        quoted: &quoted,
        sources: &source_tokens,
        sentences: &sentence_spans,
        function: &function,
        facts: &facts,
        language: article.language,
        rare_words: &rare_words,
    };
    let views: Vec<PassageView<'_>> = kept.iter().zip(&diffs).map(|(f, d)| view(f, d)).collect();
    let features = Features::measure(&context, &views);

    let share = |rewritten: bool| {
        let n: usize = kept
            .iter()
            .filter(|f| f.rewritten == rewritten)
            .map(|f| f.alignment.article.len())
            .sum();
        ratio(n, total)
    };
    let (copied, rewritten) = (share(false), share(true));
    let coverage = (copied + rewritten).min(1.0);
    let verdict = options.thresholds.decide(&features);
    let derived = verdict.derived;
    // Below the verdict's thresholds the shared words are names, numbers and stock phrases that
    // independent coverage of one event shares too: no sources, the stories listed apart as
    // shared. `coverage` stays the measured share, so scripts can rank articles below the
    // thresholds.
    let (kept, diffs, mut shared) = if derived == Derived::None {
        (
            Vec::new(),
            Vec::new(),
            kept.into_iter().zip(diffs).collect(),
        )
    } else {
        (kept, diffs, Vec::new())
    };

    let report_credits: Vec<Credit> = credits
        .iter()
        .map(|c| to_credit(c, &article.text, &article_chars))
        .collect();

    // Each source's own evidence: the model on its passages alone. A source other than the top
    // one whose own evidence the model would not report is shared facts, not a second source,
    // unless it is a version of the top source (a write-through shares its passages).
    let top = features.top_source;
    let mut version_of_top =
        |source: usize| top.is_some_and(|top| versions.of_one_story(top, source));
    let mut sources: Vec<SourceReport> = Vec::new();
    let mut dropped = HashSet::new();
    let mut seen = HashSet::new();
    for f in &kept {
        if !seen.insert(f.source) {
            continue;
        }
        let own: Vec<PassageView<'_>> = kept
            .iter()
            .zip(&diffs)
            .filter(|(k, _)| k.source == f.source)
            .map(|(k, diff)| view(k, diff))
            .collect();
        let measured = Features::measure(&context, &own);
        let judged = options.thresholds.decide(&measured);
        if Some(f.source) != top && judged.derived == Derived::None && !version_of_top(f.source) {
            dropped.insert(f.source);
            continue;
        }
        let story = &stories[f.source];
        // The story's agency, or a release's issuer ("Source: Brightmoor Foods Corp." for a
        // release stored as PR Newswire's). A credit to unnamed agencies ("(avec agences)")
        // credits a source that no credit names.
        let names: Vec<String> = story
            .agency
            .iter()
            .cloned()
            .chain(issuers.get(f.source).cloned().flatten())
            .collect();
        let credit = report_credits
            .iter()
            .zip(credits)
            .filter(|(_, found)| {
                !copied_with_story(found, &article, &prepared[f.source], &kept, f.source)
            })
            .map(|(c, _)| c)
            .find(|c| names.iter().any(|n| c.agency.eq_ignore_ascii_case(n)))
            .or_else(|| report_credits.iter().find(|c| c.agency == UNNAMED_AGENCIES))
            .cloned();
        sources.push(SourceReport {
            id: story.id,
            origin: story.origin.clone(),
            agency: story.agency.clone(),
            headline: story.headline.clone(),
            published: story.published.clone(),
            coverage: ratio(words[f.source], total),
            credited: credit.is_some(),
            credit,
            evidence: evidence::evidence(&measured, judged.probabilities.derived()),
            language: story.language.clone(),
        });
    }
    sources.sort_by(|a, b| b.coverage.total_cmp(&a.coverage).then(a.id.cmp(&b.id)));

    let flags = sources
        .iter()
        .filter(|s| !s.credited)
        .map(|s| Flag {
            source_id: s.id,
            agency: s.agency.clone(),
            coverage: s.coverage,
            reason: flag_reason(s),
        })
        .collect();

    let to_report = |f: &Found, diff: Vec<DiffOp>| {
        let measured = Features::measure(&context, &[view(f, &diff)]);
        let confidence = options.thresholds.decide(&measured).probabilities.derived();
        to_passage(
            &article,
            &article_chars,
            &stories[f.source],
            &prepared[f.source],
            f,
            diff,
            evidence::passage_evidence(&measured, confidence),
        )
    };
    let (set_aside, copied): (Vec<_>, Vec<_>) = kept
        .into_iter()
        .zip(diffs)
        .partition(|(f, _)| dropped.contains(&f.source));
    let passages = copied
        .into_iter()
        .map(|(f, diff)| to_report(&f, diff))
        .collect();
    shared.extend(set_aside);
    let shared = shared_stories(shared, stories, total, |found| {
        let views: Vec<PassageView<'_>> = found.iter().map(|(f, d)| view(f, d)).collect();
        let measured = Features::measure(&context, &views);
        let judged = options.thresholds.decide(&measured);
        evidence::evidence(&measured, judged.probabilities.derived())
    })
    .into_iter()
    .map(|(story, found)| SharedStory {
        passages: found.into_iter().map(|(f, d)| to_report(&f, d)).collect(),
        ..story
    })
    .collect();

    Report {
        derived,
        confidence: match derived {
            Derived::None => verdict.probabilities.none,
            _ => verdict.probabilities.derived(),
        },
        probabilities: verdict.probabilities,
        measures: Features {
            top_source: None,
            ..features
        },
        coverage,
        rewritten,
        flags,
        sources,
        passages,
        credits: report_credits,
        boilerplate: article
            .boilerplate
            .iter()
            .map(|r| {
                [
                    article_chars.char_offset(r.start),
                    article_chars.char_offset(r.end),
                ]
            })
            .collect(),
        article_words: total,
        language: language::code_of(article.language),
        text: article.text,
        article_date: None,
        published_later: Vec::new(),
        shared,
    }
}

/// The stories of the `found` passages (with their diffs), each with its passages in article
/// order and its `evidence`, most shared words first; the passages are still to be reported.
#[allow(clippy::type_complexity)]
fn shared_stories(
    found: Vec<(Found, Vec<DiffOp>)>,
    stories: &[Story],
    total: usize,
    evidence: impl Fn(&[(Found, Vec<DiffOp>)]) -> Evidence,
) -> Vec<(SharedStory, Vec<(Found, Vec<DiffOp>)>)> {
    let mut by_source: Vec<(usize, Vec<(Found, Vec<DiffOp>)>)> = Vec::new();
    for (f, diff) in found {
        match by_source.iter_mut().find(|(source, _)| *source == f.source) {
            Some((_, passages)) => passages.push((f, diff)),
            None => by_source.push((f.source, vec![(f, diff)])),
        }
    }
    let mut shared: Vec<(SharedStory, Vec<(Found, Vec<DiffOp>)>)> = by_source
        .into_iter()
        .map(|(source, mut passages)| {
            passages.sort_by_key(|(f, _)| f.alignment.article.start);
            let words: usize = passages
                .iter()
                .map(|(f, _)| f.alignment.article.len())
                .sum();
            let story = &stories[source];
            let shared = SharedStory {
                id: story.id,
                origin: story.origin.clone(),
                agency: story.agency.clone(),
                headline: story.headline.clone(),
                published: story.published.clone(),
                coverage: ratio(words, total),
                evidence: evidence(&passages),
                passages: Vec::new(),
            };
            (shared, passages)
        })
        .collect();
    shared.sort_by(|(a, _), (b, _)| b.coverage.total_cmp(&a.coverage).then(a.id.cmp(&b.id)));
    shared
}

/// Why a source is flagged, in one sentence naming the story (a story given to `compare` is in
/// no archive and has no id to name).
fn flag_reason(source: &SourceReport) -> String {
    let share = format!("{:.0}%", source.coverage * 100.0);
    let stored = source.id != UNSTORED_STORY_ID;
    match (&source.agency, stored) {
        (Some(agency), true) => format!(
            "{share} of the article is copied from {agency} story {} without crediting {agency}",
            source.id
        ),
        (Some(agency), false) => format!(
            "{share} of the article is copied from the {agency} story given without crediting {agency}"
        ),
        (None, true) => format!(
            "{share} of the article is copied from story {} (agency unknown) with no credit Wirecheck can match; check by hand",
            source.id
        ),
        (None, false) => format!(
            "{share} of the article is copied from the story given (agency unknown) with no credit Wirecheck can match; check by hand"
        ),
    }
}

fn to_passage(
    article: &Prepared,
    article_chars: &CharMap,
    story: &Story,
    source: &Prepared,
    found: &Found,
    diff: Vec<DiffOp>,
    evidence: Evidence,
) -> Passage {
    let alignment = &found.alignment;
    let kind = if found.rewritten {
        PassageKind::Rewritten
    } else if is_verbatim(&diff) {
        PassageKind::Verbatim
    } else {
        PassageKind::Edited
    };
    let source_chars = CharMap::new(&source.text);
    let (article_start, article_end) = span(&article.tokens, &alignment.article);
    let (source_start, source_end) = span(&source.tokens, &alignment.source);
    Passage {
        source_id: story.id,
        article_start: article_chars.char_offset(article_start),
        article_end: article_chars.char_offset(article_end),
        source_start: source_chars.char_offset(source_start),
        source_end: source_chars.char_offset(source_end),
        kind,
        words: alignment.article.len(),
        diff,
        evidence,
    }
}

fn view<'a>(found: &'a Found, diff: &'a [DiffOp]) -> PassageView<'a> {
    PassageView {
        source: found.source,
        article: &found.alignment.article,
        pairs: &found.alignment.pairs,
        rewritten: found.rewritten,
        diff,
    }
}

/// Byte span from the first token's start to the last token's end.
fn span(tokens: &[crate::text::Token], range: &std::ops::Range<usize>) -> (usize, usize) {
    let start = tokens.get(range.start).map_or(0, |t| t.start);
    let end = range
        .end
        .checked_sub(1)
        .and_then(|last| tokens.get(last))
        .map_or(start, |t| t.end);
    (start, end.max(start))
}

/// Whether an attribution in a sentence ("Reuters reported earlier this week that ...") lies
/// inside a passage copied from `source` whose text says the same: the story's own words,
/// copied with it, not the article's credit for it. A dateline, a credit line or a sign-off
/// copied with the story still credits it: that is how a republication keeps its credit; so
/// does the agency's tagline naming the text itself, "This report by The Canadian Press was
/// first published Oct. 2, 2025".
fn copied_with_story(
    credit: &FoundCredit,
    article: &Prepared,
    story: &Prepared,
    passages: &[Found],
    source: usize,
) -> bool {
    if credit.kind != CreditKind::AccordingTo {
        return false;
    }
    if credit.names_this_text(&article.text) {
        return false;
    }
    let inside = passages.iter().filter(|p| p.source == source).any(|p| {
        let range = &p.alignment.article;
        let first = article.tokens.get(range.start);
        let last = range.end.checked_sub(1).and_then(|e| article.tokens.get(e));
        first
            .zip(last)
            .is_some_and(|(first, last)| first.start <= credit.start && credit.end <= last.end)
    });
    let phrase = article.text.get(credit.start..credit.end).unwrap_or("");
    inside && !phrase.is_empty() && story.text.to_lowercase().contains(&phrase.to_lowercase())
}

fn to_credit(credit: &FoundCredit, text: &str, chars: &CharMap) -> Credit {
    Credit {
        agency: credit.agency.clone(),
        kind: credit.kind.as_str().to_string(),
        text: credit.declared.clone().unwrap_or_else(|| {
            text.get(credit.start..credit.end)
                .unwrap_or_default()
                .to_string()
        }),
        start: chars.char_offset(credit.start),
        end: chars.char_offset(credit.end),
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).min(1.0)
    }
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
