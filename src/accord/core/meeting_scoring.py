"""Scoring the reported meeting and the announced next meeting (see "Scoring" in the spec).

Each field is an exact-match check worth 1 or 0, an absent meeting having
null fields, so a document that reports no meeting and is predicted to report
none scores every field right. Co-chairs are matched by name (fuzzy 85).
"""

from __future__ import annotations

from accord.core.gold import GoldMeeting, GoldNextMeeting
from accord.core.matching import fuzzy_equal, match_one_to_one
from accord.core.records import Meeting, NextMeeting
from accord.core.score_sheets import Issue, IssueArea, MeetingScore, NextMeetingScore, Ratio, Tally


def _field_check(
    area: IssueArea, name: str, gold: object, predicted: object, issues: list[Issue]
) -> Ratio:
    """One exact-match check; a mismatch is recorded as an issue."""
    ok = gold == predicted
    if not ok:
        issues.append(
            Issue(
                area=area,
                kind="mismatch",
                text=name,
                detail=f"predicted {_show(predicted)}, gold {_show(gold)}",
                predicted=_show(predicted),
                expected=_show(gold),
            )
        )
    return Ratio.check(ok)


def _show(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(str(v) for v in value)) + "}"
    return str(value)


def _presence(meeting: GoldMeeting | Meeting | None) -> str:
    return "absent" if meeting is None else "present"


def _meeting_fields(meeting: GoldMeeting | Meeting | None) -> dict[str, object]:
    """The values the spec compares; an absent meeting has all of them null or empty."""
    if meeting is None:
        return {
            "ordinal": None,
            "start": None,
            "end": None,
            "venue city": None,
            "venue country": None,
            "parties": frozenset(),
            "kind": None,
        }
    return {
        "ordinal": meeting.ordinal,
        "start": meeting.start,
        "end": meeting.end,
        "venue city": meeting.venue.city,
        "venue country": meeting.venue.country,
        "parties": frozenset(meeting.commission.parties),
        "kind": meeting.kind,
    }


def score_meeting(
    gold: GoldMeeting | None, predicted: Meeting | None
) -> tuple[MeetingScore, list[Issue]]:
    """Exact match of each meeting field (an absent meeting has null fields), and co-chairs."""
    issues: list[Issue] = []
    g, p = _meeting_fields(gold), _meeting_fields(predicted)

    def check(name: str) -> Ratio:
        return _field_check("meeting", name, g[name], p[name], issues)

    presence = _field_check("meeting", "presence", _presence(gold), _presence(predicted), issues)
    gold_name = gold.commission.name if gold else None
    predicted_name = predicted.commission.name if predicted else None
    name_ok = _commission_names_match(gold_name, predicted_name)
    if not name_ok:
        _field_check("meeting", "commission name", gold_name, predicted_name, issues)
    co_chairs, country, co_chair_issues = _score_co_chairs(gold, predicted)
    score = MeetingScore(
        presence=presence,
        ordinal=check("ordinal"),
        start=check("start"),
        end=check("end"),
        city=check("venue city"),
        country=check("venue country"),
        parties=check("parties"),
        kind=check("kind"),
        commission_name=Ratio.check(name_ok),
        co_chairs=co_chairs,
        co_chair_country=country,
    )
    return score, issues + co_chair_issues


def _commission_names_match(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold == predicted
    return fuzzy_equal(gold.casefold(), predicted.casefold())


def _score_co_chairs(
    gold: GoldMeeting | None, predicted: Meeting | None
) -> tuple[Tally, Ratio, list[Issue]]:
    """Co-chairs matched one-to-one by name (fuzzy 85); countries checked on the pairs."""
    expected = gold.co_chairs if gold else []
    found = predicted.co_chairs if predicted else []
    pairs = match_one_to_one(
        expected, found, lambda g, p: fuzzy_equal(g.name.casefold(), p.name.casefold())
    )
    issues: list[Issue] = []
    country = Ratio()
    for i, j in pairs:
        ok = expected[i].country == found[j].country
        country += Ratio.check(ok)
        if not ok:
            issues.append(
                Issue(
                    area="co_chair",
                    kind="mismatch",
                    text=found[j].name,
                    detail=f"country {found[j].country}, gold {expected[i].country}",
                    predicted=found[j].country,
                    expected=expected[i].country,
                )
            )
    matched_gold = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    issues += [
        Issue(area="co_chair", kind="false_negative", text=c.name, detail="not predicted")
        for i, c in enumerate(expected)
        if i not in matched_gold
    ]
    issues += [
        Issue(
            area="co_chair",
            kind="false_positive",
            text=c.name,
            detail="not a gold co-chair",
            start=c.evidence.start,
            end=c.evidence.end,
        )
        for j, c in enumerate(found)
        if j not in matched_found
    ]
    tally = Tally(tp=len(pairs), fp=len(found) - len(pairs), fn=len(expected) - len(pairs))
    return tally, country, issues


def score_next_meeting(
    gold: GoldNextMeeting | None, predicted: NextMeeting | None
) -> tuple[NextMeetingScore, list[Issue]]:
    """Exact match of ordinal, country and date; null against null counts as right."""
    issues: list[Issue] = []

    def check(name: str, gold_value: object, predicted_value: object) -> Ratio:
        return _field_check("next_meeting", name, gold_value, predicted_value, issues)

    score = NextMeetingScore(
        ordinal=check(
            "ordinal", gold.ordinal if gold else None, predicted.ordinal if predicted else None
        ),
        country=check(
            "country", gold.country if gold else None, predicted.country if predicted else None
        ),
        when=check("when", gold.when if gold else None, predicted.when if predicted else None),
    )
    return score, issues
