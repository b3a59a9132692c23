//! The webinar title, and the words no phrase matched.

use super::tokens::{Token, is_filler, looks_like_schedule_tail, looks_like_schedule_word};
use crate::schedule::ScheduleError;

/// Zoom's maximum length of a webinar topic, in characters.
pub(super) const MAX_TOPIC_CHARS: usize = 200;

/// Words that introduce the title and are not part of it.
const TITLE_MARKERS: &[&str] = &["called", "titled", "named", "entitled"];

/// Request words that may open a prompt before the title.
#[rustfmt::skip]
const LEADING_WORDS: &[&str] = &[
    "please", "can", "could", "would", "will", "you", "i", "we", "want", "wanna", "need",
    "like", "i'd", "we'd", "to", "schedule", "create", "set", "up", "setup", "plan",
    "organize", "organise", "add", "arrange", "a", "an", "the", "new", "recurring", "one-off",
    "single", "our", "my", "me", "us", "another",
];

/// Words that also start titles ("Book club", "Let's talk Rust"), so they
/// are removed only before a request word, an article or a word such as
/// "webinar".
const AMBIGUOUS_LEADING_WORDS: &[&str] = &[
    "book", "host", "hold", "run", "make", "put", "start", "let's", "lets",
];

/// Nouns that name the kind of event rather than its subject.
const GENERIC_NOUNS: &[&str] = &["webinar", "webinars", "session", "event", "online", "zoom"];

/// Words that may end the title's run of words before a phrase.
const TRAILING_WORDS: &[&str] = &["this", "next", "starting", "beginning", "scheduled"];

/// The title and the unmatched words that were left out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Topic {
    pub title: String,
    /// Unmatched runs of words that do not look like schedule words, as written.
    pub ignored: Vec<String>,
}

/// Finds the title. A quoted string wins. Otherwise the title is the words
/// before the first schedule phrase without request words ("schedule a
/// webinar called"), or else the first later run of unmatched words.
///
/// Unmatched words after the first phrase that look like dates, times or
/// recurrences, or that contain a `suspicious` token, are an error quoting
/// them, because dropping them could change the schedule the user meant.
pub(super) fn find_topic(
    prompt: &str,
    tokens: &[Token],
    consumed: &[bool],
    suspicious: &[bool],
) -> Result<Topic, ScheduleError> {
    // Byte offset of the first schedule phrase; the title comes before it.
    let first_phrase = tokens
        .iter()
        .zip(consumed)
        .find(|(_, used)| **used)
        .map_or(prompt.len(), |(token, _)| token.start);
    let mut title = tokens
        .iter()
        .find(|token| token.quoted)
        .map(|token| token.text.trim().to_string());
    let mut ignored = Vec::new();

    for Run {
        words: run,
        unclear,
    } in unmatched_runs(tokens, consumed, suspicious)
    {
        let leading = run[0].start < first_phrase;
        let cleaned = clean_title(&run);
        if leading && title.is_none() {
            reject_schedule_tail(prompt, &run)?;
            title = cleaned.map(|words| span_text(prompt, words));
            continue;
        }
        if unclear {
            return Err(ScheduleError::UnrecognizedWords {
                words: span_text(prompt, &run),
            });
        }
        let Some(words) = cleaned else {
            continue;
        };
        match title {
            None => title = Some(span_text(prompt, words)),
            Some(_) => ignored.push(span_text(prompt, &run)),
        }
    }

    let title =
        title
            .filter(|title| !title.is_empty())
            .ok_or_else(|| ScheduleError::MissingTopic {
                prompt: prompt.trim().to_string(),
            })?;
    let length = title.chars().count();
    if length > MAX_TOPIC_CHARS {
        return Err(ScheduleError::TopicTooLong { length });
    }
    Ok(Topic { title, ignored })
}

/// Rejects title words that end in what looks like a schedule phrase the
/// parser did not understand, such as "next week" in "Python workshop next
/// week at 3pm", so that they are neither kept in the title nor dropped.
fn reject_schedule_tail(prompt: &str, run: &[&Token]) -> Result<(), ScheduleError> {
    let tail_length = run
        .iter()
        .rev()
        .take_while(|token| is_filler(&token.lower) || looks_like_schedule_tail(&token.lower))
        .count();
    let tail = &run[run.len() - tail_length..];
    if tail
        .iter()
        .any(|token| looks_like_schedule_tail(&token.lower))
    {
        let first = tail
            .iter()
            .position(|token| !is_filler(&token.lower))
            .unwrap_or(0);
        return Err(ScheduleError::UnrecognizedWords {
            words: span_text(prompt, &tail[first..]),
        });
    }
    Ok(())
}

/// Neighbouring unmatched tokens.
struct Run<'a> {
    words: Vec<&'a Token>,
    /// Whether a word looks like part of a schedule phrase.
    unclear: bool,
}

/// Groups the unmatched, unquoted tokens into runs of neighbours.
fn unmatched_runs<'a>(tokens: &'a [Token], consumed: &[bool], suspicious: &[bool]) -> Vec<Run<'a>> {
    let mut runs = Vec::new();
    let mut current = Run {
        words: Vec::new(),
        unclear: false,
    };
    for (index, token) in tokens.iter().enumerate() {
        if consumed[index] || token.quoted {
            if !current.words.is_empty() {
                runs.push(std::mem::replace(
                    &mut current,
                    Run {
                        words: Vec::new(),
                        unclear: false,
                    },
                ));
            }
            continue;
        }
        current.unclear |= suspicious[index] || looks_like_schedule_word(&token.lower);
        current.words.push(token);
    }
    if !current.words.is_empty() {
        runs.push(current);
    }
    runs
}

/// Removes request words, fillers and generic nouns around a title.
/// Returns `None` when nothing else is left.
fn clean_title<'r, 'a>(run: &'r [&'a Token]) -> Option<&'r [&'a Token]> {
    let is_in = |token: &Token, list: &[&str]| list.contains(&token.lower.as_str());
    let mut words = run;

    if let Some(marker) = words.iter().position(|t| is_in(t, TITLE_MARKERS)) {
        words = &words[marker + 1..];
    } else {
        let request_length = words.len();
        while let Some((first, rest)) = words.split_first()
            && (is_in(first, LEADING_WORDS)
                || (is_in(first, AMBIGUOUS_LEADING_WORDS)
                    && rest.first().is_some_and(|next| {
                        is_in(next, LEADING_WORDS) || is_in(next, GENERIC_NOUNS)
                    })))
        {
            words = rest;
        }
        // After a request ("schedule a Zoom webinar ..."), the event nouns
        // and a linking "about", "on" or "for" are removed too. Without a
        // request, only "webinar about X" and "session on X" lose two words.
        let after_request = words.len() < request_length;
        if after_request {
            while let [first, rest @ ..] = words
                && is_in(first, GENERIC_NOUNS)
                && !rest.is_empty()
            {
                words = rest;
            }
        }
        let linking: &[&str] = if after_request {
            &["about", "on", "for"]
        } else {
            &["about", "on"]
        };
        if let [noun, preposition, rest @ ..] = words
            && is_in(noun, GENERIC_NOUNS)
            && is_in(preposition, linking)
        {
            words = rest;
        } else if after_request
            && let [preposition, rest @ ..] = words
            && is_in(preposition, linking)
            && !rest.is_empty()
        {
            words = rest;
        }
    }

    while let Some((last, rest)) = words.split_last()
        && (is_filler(&last.lower) || is_in(last, TRAILING_WORDS))
    {
        words = rest;
    }
    let only_generic = words
        .iter()
        .all(|t| is_in(t, GENERIC_NOUNS) || is_filler(&t.lower));
    if only_generic { None } else { Some(words) }
}

/// Cuts the original text from the first to the last token, keeping the
/// punctuation between them and dropping separators at either end.
fn span_text(prompt: &str, words: &[&Token]) -> String {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return String::new();
    };
    prompt[first.start..last.end]
        .trim_matches(|c: char| c.is_whitespace() || ":-,\u{2013}\u{2014}".contains(c))
        .to_string()
}
