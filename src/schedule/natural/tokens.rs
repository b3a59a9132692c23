//! Splitting a prompt into words, and the word lists the phrase matchers share.

use chrono::Weekday;

/// One word of the prompt with its byte span, so that the title can be cut
/// out of the original text with its case and punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// The word as written, without surrounding punctuation.
    pub text: String,
    /// `text` in lower case, with typographic apostrophes made plain; empty
    /// for the quoted title.
    pub lower: String,
    pub start: usize,
    pub end: usize,
    /// Whether this token is the quoted title, which no matcher reads.
    pub quoted: bool,
}

/// Splits `prompt` into tokens. The first quoted string ("..." or '...',
/// straight or typographic quotes) becomes a single quoted token.
pub(super) fn tokenize(prompt: &str) -> Vec<Token> {
    let quote = find_quoted(prompt);
    let mut tokens = Vec::new();
    let mut word_start: Option<usize> = None;

    let push_word = |start: usize, end: usize, tokens: &mut Vec<Token>| {
        if let Some(token) = word_token(prompt, start, end) {
            tokens.extend(split_time_range(token));
        }
    };

    let mut index = 0;
    while index < prompt.len() {
        if let Some((open, close, content)) = quote
            && index == open
        {
            if let Some(start) = word_start.take() {
                push_word(start, index, &mut tokens);
            }
            // An empty `lower` keeps every matcher from reading the title.
            tokens.push(Token {
                text: content.to_string(),
                lower: String::new(),
                start: open,
                end: close,
                quoted: true,
            });
            index = close;
            continue;
        }
        let character = prompt[index..]
            .chars()
            .next()
            .expect("index is a char boundary");
        if character.is_whitespace() {
            if let Some(start) = word_start.take() {
                push_word(start, index, &mut tokens);
            }
        } else if word_start.is_none() {
            word_start = Some(index);
        }
        index += character.len_utf8();
    }
    if let Some(start) = word_start {
        push_word(start, prompt.len(), &mut tokens);
    }
    tokens
}

/// Builds the token for `prompt[start..end]` without surrounding punctuation
/// and quotes, or `None` when nothing is left.
fn word_token(prompt: &str, start: usize, end: usize) -> Option<Token> {
    const LEADING: &[char] = &['(', '[', '{', '"', '\'', '\u{201c}', '\u{2018}'];
    const TRAILING: &[char] = &[
        ',', ';', ':', '!', '?', '.', ')', ']', '}', '"', '\'', '\u{201d}', '\u{2019}',
    ];
    let raw = &prompt[start..end];
    let without_leading = raw.trim_start_matches(LEADING);
    let trimmed = without_leading.trim_end_matches(TRAILING);
    if trimmed.is_empty() {
        return None;
    }
    let token_start = start + (raw.len() - without_leading.len());
    Some(Token {
        text: trimmed.to_string(),
        lower: trimmed.to_lowercase().replace('\u{2019}', "'"),
        start: token_start,
        end: token_start + trimmed.len(),
        quoted: false,
    })
}

/// Splits a time range written as one word ("3pm-4:30pm", "noon-1pm") into
/// start, dash and end, so that the range matcher reads three tokens.
fn split_time_range(token: Token) -> Vec<Token> {
    let looks_like_clock = |part: &str| {
        matches!(part, "noon" | "midnight")
            || (part.starts_with(|c: char| c.is_ascii_digit())
                && (part.contains(':')
                    || ["am", "pm", "a.m", "p.m"].iter().any(|s| part.ends_with(s))))
    };
    // Clock times are ASCII, and ASCII keeps the byte offsets of `lower`
    // valid in `text`.
    if !token.text.is_ascii() {
        return vec![token];
    }
    let Some((left, right)) = token.lower.split_once('-') else {
        return vec![token];
    };
    if !looks_like_clock(left) || !looks_like_clock(right) {
        return vec![token];
    }
    let dash = token.start + left.len();
    let part = |start: usize, end: usize| Token {
        text: token.text[start - token.start..end - token.start].to_string(),
        lower: token.lower[start - token.start..end - token.start].to_string(),
        start,
        end,
        quoted: false,
    };
    vec![
        part(token.start, dash),
        part(dash, dash + 1),
        part(dash + 1, token.end),
    ]
}

/// Finds the first quoted string whose opening quote starts a word and whose
/// closing quote ends one, so apostrophes ("Let's") do not count. Returns
/// the span including the quotes and the trimmed text inside.
fn find_quoted(prompt: &str) -> Option<(usize, usize, &str)> {
    let mut previous: Option<char> = None;
    for (open, character) in prompt.char_indices() {
        let starts_word = previous.is_none_or(|c| c.is_whitespace() || c == '(');
        previous = Some(character);
        let closers: &[char] = match character {
            '"' | '\u{201c}' => &['"', '\u{201d}'],
            '\'' | '\u{2018}' => &['\'', '\u{2019}'],
            _ => continue,
        };
        if !starts_word {
            continue;
        }
        let content_start = open + character.len_utf8();
        for (offset, candidate) in prompt[content_start..].char_indices() {
            if !closers.contains(&candidate) {
                continue;
            }
            let close = content_start + offset + candidate.len_utf8();
            let ends_word = prompt[close..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || ",.;:!?)".contains(c));
            let content = prompt[content_start..content_start + offset].trim();
            if ends_word && !content.is_empty() {
                return Some((open, close, content));
            }
        }
    }
    None
}

/// Joins the original text of `length` tokens from `index` with spaces.
pub(super) fn phrase_text(tokens: &[Token], index: usize, length: usize) -> String {
    tokens
        .iter()
        .skip(index)
        .take(length)
        .map(|token| token.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a whole number written in digits or as an English word up to
/// ninety-nine ("two", "twenty-five").
pub(super) fn parse_count(word: &str) -> Option<u32> {
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
        return word.parse().ok();
    }
    if let Some((tens, units)) = word.split_once('-') {
        let tens = number_word(tens).filter(|n| *n >= 20 && n % 10 == 0)?;
        let units = number_word(units).filter(|n| (1..=9).contains(n))?;
        return Some(tens + units);
    }
    number_word(word)
}

fn number_word(word: &str) -> Option<u32> {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen",
    ];
    const TENS: &[(&str, u32)] = &[
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    if let Some(position) = WORDS.iter().position(|w| *w == word) {
        return u32::try_from(position).ok();
    }
    TENS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// Parses a count, also reading "a" and "an" as one ("for an hour").
pub(super) fn parse_count_or_article(word: &str) -> Option<u32> {
    match word {
        "a" | "an" => Some(1),
        _ => parse_count(word),
    }
}

/// Parses a full English weekday name, singular ("monday").
pub(super) fn parse_weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Parses a plural weekday name ("mondays"), which signals a weekly rule.
pub(super) fn parse_weekday_plural(word: &str) -> Option<Weekday> {
    word.strip_suffix('s').and_then(parse_weekday)
}

/// Parses a full weekday name or a short one ("tue", "tues", "thurs").
///
/// Short names also occur in titles ("Sun safety", "Sat prep"), so callers
/// use this only where a weekday is expected: after "next", "this" or
/// "every", in a list of days, or before a calendar date.
pub(super) fn parse_weekday_any(word: &str) -> Option<Weekday> {
    let short = match word {
        "mon" => Weekday::Mon,
        "tue" | "tues" => Weekday::Tue,
        "wed" | "weds" => Weekday::Wed,
        "thu" | "thur" | "thurs" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return parse_weekday(word),
    };
    Some(short)
}

/// Parses one weekday, a plural, or several joined by slashes
/// ("mon/wed/fri"), in the order written.
pub(super) fn parse_weekday_group(word: &str) -> Option<Vec<Weekday>> {
    word.split('/')
        .map(|part| parse_weekday_any(part).or_else(|| parse_weekday_plural(part)))
        .collect()
}

/// Returns whether `word` is most likely a misspelt weekday ("tuesdy",
/// "thurday", "blursday"): it is not a weekday, ends like one, and is at
/// most two edits away from a weekday name.
pub(super) fn is_weekday_typo(word: &str) -> bool {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const OTHER_DAY_WORDS: &[&str] = &["today", "midday", "weekday", "someday", "everyday"];
    let ends_like_weekday = word.ends_with("day") || word.ends_with("dy");
    ends_like_weekday
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && parse_weekday_any(word).is_none()
        && !OTHER_DAY_WORDS.contains(&word)
        && NAMES
            .iter()
            .any(|name| strsim::levenshtein(word, name) <= 2)
}

/// Parses an English month name or its usual abbreviation into 1 to 12.
pub(super) fn parse_month(word: &str) -> Option<u32> {
    const MONTHS: &[(&str, &str)] = &[
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may", "may"),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ];
    let word = word.trim_end_matches('.');
    let position = MONTHS.iter().position(|(full, short)| {
        word == *full || word == *short || word == "sept" && *short == "sep"
    })?;
    u32::try_from(position + 1).ok()
}

/// Parses a day of the month in digits with or without an ordinal suffix
/// ("15", "15th", "1st", "22nd"), 1 to 31.
pub(super) fn parse_day_number(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

/// Parses a day of the month written with an ordinal suffix only ("15th").
pub(super) fn parse_day_ordinal(word: &str) -> Option<u32> {
    let has_suffix = ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s));
    if has_suffix {
        parse_day_number(word)
    } else {
        None
    }
}

/// Words that mean nothing on their own between the phrases of a prompt.
pub(super) fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "at" | "on"
            | "for"
            | "from"
            | "and"
            | "the"
            | "a"
            | "an"
            | "in"
            | "to"
            | "of"
            | "with"
            | "starting"
            | "beginning"
            | "-"
            | "\u{2013}"
            | "\u{2014}"
            | "&"
            | "+"
            | "please"
    )
}

/// Returns whether a word left over after matching looks like part of a
/// date, time, duration, zone or recurrence that the parser did not
/// understand, so it is reported instead of dropped.
pub(super) fn looks_like_schedule_word(word: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "today", "tomorrow", "tonight", "yesterday", "morning", "afternoon", "evening", "night",
        "noon", "midnight", "midday", "am", "pm", "a.m", "p.m", "o'clock", "oclock", "every",
        "each", "daily", "weekly", "monthly", "yearly", "annually", "biweekly", "bi-weekly",
        "fortnightly", "fortnight", "weekday", "weekdays", "weekend", "weekends", "day", "days",
        "week", "weeks", "month", "months", "year", "years", "hour", "hours", "hr", "hrs",
        "minute", "minutes", "min", "mins", "times", "occurrences", "until", "till", "til",
        "through", "thru", "next", "last", "other", "first", "second", "third", "fourth", "fifth",
        "once", "twice", "utc", "gmt", "time", "timezone", "zone",
    ];
    word.chars()
        .any(|c| c.is_ascii_digit() || c == '/' || c == ':')
        || WORDS.contains(&word)
        || parse_weekday(word).is_some()
        || parse_weekday_plural(word).is_some()
        || (parse_month(word).is_some() && word != "may")
        || crate::time::time_zone_for_abbreviation(word).is_some()
}

/// Returns whether a word at the end of the title's words most likely
/// belongs to a schedule phrase that was not understood ("Python workshop
/// next week at 3pm"). Narrower than [`looks_like_schedule_word`], because
/// titles often end in words such as "day", "night" or a number.
pub(super) fn looks_like_schedule_tail(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "next", "this", "coming", "week", "weeks", "month", "months", "year", "am", "pm", "a.m",
        "p.m", "o'clock", "oclock",
    ];
    WORDS.contains(&word)
        || word.contains([':', '/'])
        || parse_day_ordinal(word).is_some()
        || (parse_month(word).is_some() && word != "may")
}
