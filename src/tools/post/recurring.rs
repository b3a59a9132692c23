//! Create recurring webinars (Zoom type 9: recurring with a fixed time).

use chrono::{Datelike, NaiveDate, Weekday};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::webinars::{WebinarFields, create_for_host};
use crate::schedule::{MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern};
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::time::ResolvedStart;
use crate::tools::get::webinars::{WebinarResult, default_me, webinar_result};
use crate::tools::views::human_time_in_zones;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecurrenceType {
    Daily,
    Weekly,
    Monthly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayOfWeek {
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
}

impl From<DayOfWeek> for Weekday {
    fn from(day: DayOfWeek) -> Weekday {
        match day {
            DayOfWeek::Sunday => Weekday::Sun,
            DayOfWeek::Monday => Weekday::Mon,
            DayOfWeek::Tuesday => Weekday::Tue,
            DayOfWeek::Wednesday => Weekday::Wed,
            DayOfWeek::Thursday => Weekday::Thu,
            DayOfWeek::Friday => Weekday::Fri,
            DayOfWeek::Saturday => Weekday::Sat,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WeekOfMonth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

impl From<WeekOfMonth> for MonthWeek {
    fn from(week: WeekOfMonth) -> MonthWeek {
        match week {
            WeekOfMonth::First => MonthWeek::First,
            WeekOfMonth::Second => MonthWeek::Second,
            WeekOfMonth::Third => MonthWeek::Third,
            WeekOfMonth::Fourth => MonthWeek::Fourth,
            WeekOfMonth::Last => MonthWeek::Last,
        }
    }
}

/// Recurrence rule and end of a recurring webinar.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct RecurrenceInput {
    /// daily, weekly or monthly.
    pub recurrence_type: RecurrenceType,
    /// Days (1-90), weeks (1-12) or months (1-3) between occurrences; default 1.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub repeat_interval: Option<u32>,
    /// Weekly: the days it takes place; default the start date's weekday.
    #[serde(default)]
    pub weekly_days: Vec<DayOfWeek>,
    /// Monthly by date: day of the month, 1-31. Default (when no monthly_week is given) the start date's day.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub monthly_day: Option<u32>,
    /// Monthly by weekday: first, second, third, fourth or last week; use with monthly_week_day.
    #[serde(default)]
    #[schemars(with = "WeekOfMonth")]
    pub monthly_week: Option<WeekOfMonth>,
    /// Monthly by weekday: the weekday, with monthly_week (e.g. last + friday).
    #[serde(default)]
    #[schemars(with = "DayOfWeek")]
    pub monthly_week_day: Option<DayOfWeek>,
    /// End after this many occurrences, 1-60 (Zoom's maximum). Give this or end_date.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub end_times: Option<u32>,
    /// End on this local date, inclusive, as YYYY-MM-DD. Give this or end_times.
    #[serde(default)]
    #[schemars(with = "String")]
    pub end_date: Option<String>,
}

impl RecurrenceInput {
    /// Build and check the rule; `start` fills in defaults (weekday, day of month).
    pub fn to_recurrence(&self, start: &ResolvedStart) -> Result<Recurrence, ToolError> {
        let start_date = start.local.date();
        let pattern = match self.recurrence_type {
            RecurrenceType::Daily => {
                if !self.weekly_days.is_empty()
                    || self.monthly_day.is_some()
                    || self.monthly_week.is_some()
                {
                    return Err(ToolError::invalid(
                        "weekly_days, monthly_day and monthly_week do not apply to daily recurrence; leave them out.",
                    ));
                }
                RecurrencePattern::Daily
            }
            RecurrenceType::Weekly => {
                if self.monthly_day.is_some()
                    || self.monthly_week.is_some()
                    || self.monthly_week_day.is_some()
                {
                    return Err(ToolError::invalid(
                        "monthly_day, monthly_week and monthly_week_day do not apply to weekly recurrence; use weekly_days.",
                    ));
                }
                let mut days: Vec<Weekday> = self
                    .weekly_days
                    .iter()
                    .map(|day| Weekday::from(*day))
                    .collect();
                if days.is_empty() {
                    days.push(start_date.weekday());
                }
                days.sort_by_key(|day| day.num_days_from_sunday());
                days.dedup();
                RecurrencePattern::Weekly { days }
            }
            RecurrenceType::Monthly => {
                if !self.weekly_days.is_empty() {
                    return Err(ToolError::invalid(
                        "weekly_days does not apply to monthly recurrence; use monthly_day, or monthly_week with monthly_week_day.",
                    ));
                }
                match (self.monthly_day, self.monthly_week, self.monthly_week_day) {
                    (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                        return Err(ToolError::invalid(
                            "Give monthly_day, or monthly_week with monthly_week_day, not both.",
                        ));
                    }
                    (Some(day), None, None) => RecurrencePattern::MonthlyByDay { day },
                    (None, Some(week), Some(weekday)) => RecurrencePattern::MonthlyByWeekday {
                        week: week.into(),
                        weekday: weekday.into(),
                    },
                    (None, Some(_), None) | (None, None, Some(_)) => {
                        return Err(ToolError::invalid(
                            "monthly_week and monthly_week_day go together, e.g. last + friday.",
                        ));
                    }
                    (None, None, None) => RecurrencePattern::MonthlyByDay {
                        day: start_date.day(),
                    },
                }
            }
        };
        let end = match (
            self.end_times,
            self.end_date
                .as_deref()
                .map(str::trim)
                .filter(|date| !date.is_empty()),
        ) {
            (Some(_), Some(_)) => {
                return Err(ToolError::invalid(
                    "Give end_times or end_date, not both (Zoom accepts one).",
                ));
            }
            (Some(count), None) => RecurrenceEnd::Count(count),
            (None, Some(date)) => {
                let parsed = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
                    ToolError::invalid(format!(
                        "end_date {date:?} is not a date in YYYY-MM-DD form, such as 2027-03-31."
                    ))
                })?;
                if parsed < start_date {
                    return Err(ToolError::invalid(format!(
                        "end_date {date} is before the start date {start_date}."
                    )));
                }
                RecurrenceEnd::Until(parsed)
            }
            (None, None) => {
                return Err(ToolError::invalid(
                    "Give end_times (number of occurrences, 1-60) or end_date (YYYY-MM-DD) so the series has an end.",
                ));
            }
        };
        let recurrence = Recurrence {
            pattern,
            repeat_interval: self.repeat_interval.unwrap_or(1),
            end,
        };
        recurrence.validate()?;
        recurrence.validate_from(start_date)?;
        Ok(recurrence)
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CreateRecurringParams {
    /// Host: user id, email, or `me` (default). The host needs a Webinars licence.
    #[serde(default = "default_me")]
    pub user_id: String,
    #[serde(flatten)]
    pub fields: WebinarFields,
    #[serde(flatten)]
    pub recurrence: RecurrenceInput,
}

#[tool_router(router = create_recurring_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Schedule a recurring webinar with a fixed time: daily, weekly on chosen days, or monthly
    /// by date or by week and weekday (e.g. last Friday), ending after a number of occurrences
    /// (at most 60) or on a date. The start time is local in `timezone` (default: the server's).
    #[tool(
        name = "create_recurring_webinar",
        title = "Create recurring webinar",
        annotations(
            title = "Create recurring webinar",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn create_recurring_webinar(
        &self,
        Parameters(params): Parameters<CreateRecurringParams>,
    ) -> Result<Json<WebinarResult>, ToolError> {
        let mut request = params
            .fields
            .to_request_allowing_registration_type(&self.state)?;
        let recurrence = params.recurrence.to_recurrence(&request.start)?;
        request.body.insert("type".into(), json!(9));
        request.body.insert(
            "recurrence".into(),
            recurrence.to_zoom_json(request.start.time_zone),
        );
        let webinar = create_for_host(&self.state, params.user_id.trim(), request.body).await?;
        Ok(Json(recurring_result(
            self,
            &webinar,
            &recurrence,
            &request.start,
        )))
    }
}

/// Build the result for a created recurring webinar, with a message naming the rule.
pub fn recurring_result(
    server: &ZoomServer,
    webinar: &crate::tools::views::webinar::ZoomWebinar,
    recurrence: &Recurrence,
    start: &ResolvedStart,
) -> WebinarResult {
    let time_zone = server.state.time_zone();
    let first = recurrence
        .occurrences(start.local, start.time_zone)
        .first()
        .map(|utc| {
            format!(
                ", first on {}",
                human_time_in_zones(*utc, Some(start.time_zone), time_zone)
            )
        })
        .unwrap_or_default();
    let message = format!(
        "Created recurring webinar {} ({}): {}{first}; {} occurrences.",
        webinar.id,
        webinar.topic.clone().unwrap_or_default(),
        recurrence.describe(),
        webinar.occurrences.len()
    );
    webinar_result(&server.state, webinar, false, Some(message))
}
