//! Time-of-day phrases: "3pm", "at 6.30 pm", "15:00", "noon", and ISO
//! date-times such as "2026-12-10T15:00".

use chrono::NaiveTime;

use super::tokens::{Token, phrase_text};
use crate::schedule::ScheduleError;

/// Matches a time of day at `index`, with an optional leading "at" or "@".
///
/// A bare hour ("at 6", "6 o'clock") and a one-digit hour with minutes but
/// no am/pm ("3:30") are errors, because they could be morning or evening.
pub(super) fn match_time(
    tokens: &[Token],
    index: usize,
) -> Result<Option<(usize, NaiveTime)>, ScheduleError> {
    let word = |offset: usize| tokens.get(index + offset).map_or("", |t| t.lower.as_str());
    let has_at = matches!(word(0), "at" | "@");
    let at = usize::from(has_at);
    let core = word(at);
    let text_of = |length: usize| phrase_text(tokens, index + at, length);

    match core {
        "noon" | "midday" => return Ok(Some((at + 1, clock(12, 0)))),
        "midnight" => return Ok(Some((at + 1, clock(0, 0)))),
        "12" if matches!(word(at + 1), "noon" | "midday") => {
            return Ok(Some((at + 2, clock(12, 0))));
        }
        "12" if word(at + 1) == "midnight" => return Ok(Some((at + 2, clock(0, 0)))),
        _ => {}
    }

    // "3pm", "3:30pm", "6.30p.m".
    if let Some((clock_text, meridiem)) = split_meridiem(core) {
        let time = twelve_hour(clock_text, meridiem, &text_of(1))?;
        return Ok(time.map(|time| (at + 1, time)));
    }
    // "3 pm", "3:30 pm".
    if let Some(meridiem) = parse_meridiem(word(at + 1))
        && let Some(time) = twelve_hour(core, meridiem, &text_of(2))?
    {
        return Ok(Some((at + 2, time)));
    }

    let Some((hour_text, minute_text)) = split_clock(core) else {
        return bare_hour(tokens, index, at);
    };
    // A dot separates hours from minutes only in "6.30pm" forms and after
    // "at", so a decimal such as "1.5" is not read as a time.
    if core.contains('.') && !has_at {
        return Ok(None);
    }
    let hour: u32 = hour_text
        .parse()
        .map_err(|_| invalid(&text_of(1), "the hour is not a number"))?;
    let minute: u32 = minute_text
        .parse()
        .map_err(|_| invalid(&text_of(1), "the minutes are not a number"))?;
    if minute > 59 {
        return Err(invalid(&text_of(1), "minutes must be 00 to 59"));
    }
    if hour_text.len() == 1 && hour != 0 {
        return Err(ScheduleError::AmbiguousHour {
            text: text_of(1),
            hour,
            minute,
        });
    }
    if hour > 23 {
        return Err(invalid(
            &text_of(1),
            "24-hour time runs from 00:00 to 23:59",
        ));
    }
    Ok(Some((at + 1, clock(hour, minute))))
}

/// Matches an ISO date-time token such as "2026-12-10T15:00" or
/// "2026-12-10T15:00:00-05:00", to be resolved like a tool argument.
pub(super) fn match_instant(tokens: &[Token], index: usize) -> Option<(usize, String)> {
    let token = tokens.get(index)?;
    let bytes = token.lower.as_bytes();
    let shaped = bytes.len() >= 16
        && bytes[..10].iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
        && bytes[10] == b't'
        && bytes[11..13].iter().all(u8::is_ascii_digit)
        && bytes[13] == b':';
    shaped.then(|| (1, token.text.clone()))
}

/// Handles a number that is not a clock time: "at 6" and "6 o'clock" are
/// errors; anything else does not match.
fn bare_hour(
    tokens: &[Token],
    index: usize,
    at: usize,
) -> Result<Option<(usize, NaiveTime)>, ScheduleError> {
    let word = |offset: usize| tokens.get(index + offset).map_or("", |t| t.lower.as_str());
    let Ok(hour) = word(at).parse::<u32>() else {
        return Ok(None);
    };
    let oclock = matches!(word(at + 1), "o'clock" | "oclock");
    if hour > 24 || (at == 0 && !oclock) {
        return Ok(None);
    }
    Err(ScheduleError::AmbiguousHour {
        text: phrase_text(tokens, index, at + 1 + usize::from(oclock)),
        hour,
        minute: 0,
    })
}

/// Reads "3" or "3:30" with am/pm. Returns `None` when `clock_text` is not
/// a number, and an error when the hour or minutes are out of range.
fn twelve_hour(
    clock_text: &str,
    meridiem: Meridiem,
    text: &str,
) -> Result<Option<NaiveTime>, ScheduleError> {
    let (hour_text, minute_text) = split_clock(clock_text).unwrap_or((clock_text, "00"));
    let (Ok(hour), Ok(minute)) = (hour_text.parse::<u32>(), minute_text.parse::<u32>()) else {
        return Ok(None);
    };
    if !(1..=12).contains(&hour) {
        return Err(invalid(text, "with am or pm the hour must be 1 to 12"));
    }
    if minute > 59 {
        return Err(invalid(text, "minutes must be 00 to 59"));
    }
    let hour = match meridiem {
        Meridiem::Am => hour % 12,
        Meridiem::Pm => hour % 12 + 12,
    };
    Ok(Some(clock(hour, minute)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

fn parse_meridiem(word: &str) -> Option<Meridiem> {
    match word {
        "am" | "a.m" => Some(Meridiem::Am),
        "pm" | "p.m" => Some(Meridiem::Pm),
        _ => None,
    }
}

/// Splits "3:30pm" into "3:30" and pm; `None` when there is no am/pm
/// suffix after a digit.
fn split_meridiem(word: &str) -> Option<(&str, Meridiem)> {
    ["am", "a.m", "pm", "p.m"].iter().find_map(|suffix| {
        let clock_text = word.strip_suffix(suffix)?;
        let meridiem = parse_meridiem(suffix)?;
        clock_text
            .ends_with(|c: char| c.is_ascii_digit())
            .then_some((clock_text, meridiem))
    })
}

/// Splits "15:00" or "6.30" into hour and minute text; the minutes must be
/// two digits.
fn split_clock(word: &str) -> Option<(&str, &str)> {
    let (hour, minute) = word.split_once([':', '.'])?;
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (digits(hour) && hour.len() <= 2 && minute.len() == 2 && digits(minute))
        .then_some((hour, minute))
}

fn clock(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("callers check hour and minute ranges")
}

fn invalid(text: &str, reason: &'static str) -> ScheduleError {
    ScheduleError::InvalidTime {
        text: text.to_string(),
        reason,
    }
}
